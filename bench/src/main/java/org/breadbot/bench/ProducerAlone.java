package org.breadbot.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.breadbot.bench.load.LoadResult;
import org.breadbot.bench.load.Tally;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.workload.WorkloadUpdate;

/**
 * Kafka's ceiling for the ingress: one producer with ingress's settings and {@code senders} concurrent senders,
 * each sending the next record when the previous one is acknowledged (as each webhook request waits for its ack),
 * the same records ingress writes. Runs in the bench JVM: no HTTP, no parsing.
 */
final class ProducerAlone {

    private static final String TOPIC = "bench.producer-alone";

    private ProducerAlone() {
    }

    static LoadResult run(BenchContext context, UpdateSource source, int senders) {
        context.kafka().createTopic(TOPIC, BenchContext.PARTITIONS);
        Duration warmUp = context.plan().warmUp();
        Duration measure = context.plan().measure();
        try (KafkaProducer<String, byte[]> producer = Producers.ingressLike(context.infrastructure()
                .bootstrapServers())) {
            Producers.awaitLeaders(producer, TOPIC);
            prime(producer, source);
            Tally tally = new Tally();
            long measureFrom = System.nanoTime() + warmUp.toNanos();
            long end = measureFrom + measure.toNanos();
            AtomicInteger working = new AtomicInteger(senders);
            for (int sender = 0; sender < senders; sender++) {
                sendNext(producer, source, tally, measureFrom, end, working);
            }
            while (working.get() > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            tally.awaitIdle(Duration.ofMinutes(1));
            return tally.result(measureFrom, measure);
        }
    }

    /**
     * A few records one at a time before the clock starts: a new topic's leaders may not be known yet, and a
     * producer retrying into that with 100 batches in flight measures the retries, not Kafka.
     */
    private static void prime(KafkaProducer<String, byte[]> producer, UpdateSource source) {
        for (int i = 0; i < 50; i++) {
            try {
                producer.send(IngressRecords.of(TOPIC, source.next())).get(1, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the producer-alone reference cannot write to " + TOPIC, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void sendNext(KafkaProducer<String, byte[]> producer, UpdateSource source, Tally tally,
            long measureFrom, long end, AtomicInteger working) {
        long started = System.nanoTime();
        WorkloadUpdate update = started < end ? source.next() : null;
        if (update == null) {
            working.decrementAndGet();
            return;
        }
        boolean measured = started >= measureFrom;
        tally.started();
        producer.send(IngressRecords.of(TOPIC, update), (metadata, error) -> {
            if (error == null) {
                tally.answered(measured, 200, started);
            } else {
                tally.failed(measured, started);
            }
            // the callback runs on the producer's I/O thread; sending from it is allowed and keeps the loop closed
            sendNext(producer, source, tally, measureFrom, end, working);
        });
    }
}

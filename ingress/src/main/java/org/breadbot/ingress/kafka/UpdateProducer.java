package org.breadbot.ingress.kafka;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.tracing.Trace;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes updates to {@code telegram.updates} and completes only once Kafka acknowledged them (acks=all), or fails
 * within the produce timeout. Callers confirm an update to Telegram only after this completes.
 */
@Component
public class UpdateProducer {

    private final KafkaTemplate<String, byte[]> template;
    private final IngressMetrics metrics;
    private final Duration timeout;

    UpdateProducer(KafkaTemplate<String, byte[]> template, IngressMetrics metrics, IngressProperties properties) {
        this.template = template;
        this.metrics = metrics;
        this.timeout = properties.kafka().produceTimeout();
    }

    /**
     * Stores one update.
     *
     * @param rawUpdate the bytes to store, unchanged
     * @return completes when acknowledged; errors with the cause when Kafka refused it or did not answer in time
     */
    public Mono<Void> produce(UpdateEnvelope envelope, byte[] rawUpdate, String source) {
        return produce(envelope, rawUpdate, source, Trace.continueFrom(null));
    }

    /**
     * Stores one update with the trace context of this hop in its {@code traceparent} header.
     *
     * @param trace the trace the update's handling belongs to from here on
     */
    public Mono<Void> produce(UpdateEnvelope envelope, byte[] rawUpdate, String source, Trace trace) {
        return Mono.defer(() -> {
            ProducerRecord<String, byte[]> record =
                    UpdateRecords.of(envelope, rawUpdate, source, Instant.now(), trace);
            Timer.Sample sample = metrics.startProduce();
            return send(record, trace)
                    .timeout(timeout, Mono.error(() -> new TimeoutException("no ack from Kafka within " + timeout)))
                    .doOnSuccess(acked -> metrics.produced(sample, source, IngressMetrics.STORED))
                    .doOnError(error -> metrics.produced(sample, source, outcomeOf(error)));
        }).then();
    }

    /** True when resending the same update can never succeed (it is bigger than Kafka takes). */
    public static boolean isPermanent(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private Mono<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record, Trace trace) {
        // cancelling (on timeout) only drops the future: the producer still finishes or expires the record itself;
        // sent under the hop's trace, so that a tracing agent's producer span joins it
        return Mono.fromFuture(() -> trace.call(() -> template.send(record)))
                // send() blocks up to max.block.ms while metadata or buffer space is missing: never on Netty
                .subscribeOn(Schedulers.boundedElastic())
                // the ack arrives on the producer's I/O thread, which must not run the caller's work
                .publishOn(Schedulers.parallel());
    }

    private static String outcomeOf(Throwable error) {
        return isPermanent(error) ? IngressMetrics.TOO_LARGE : IngressMetrics.UNAVAILABLE;
    }
}

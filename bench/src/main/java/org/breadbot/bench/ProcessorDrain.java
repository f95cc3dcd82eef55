package org.breadbot.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.infra.Sleep;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;
import org.breadbot.common.kafka.Topics;

/**
 * The processor against a backlog: {@code telegram.updates} (6 partitions, fresh) is preloaded with the workload
 * (each chat's teaching first, then the mix) written exactly as ingress writes it; then the processor starts, and
 * its throughput is the updates its group committed from the first commit seen until the lag is zero, over that
 * time. Start-up is not counted; the first, cold records are.
 */
final class ProcessorDrain {

    /** What one drain gave. */
    record Drain(long updates, double perSecond, JvmProcess processor) {
    }

    private ProcessorDrain() {
    }

    /** Preloads {@code updates} mix updates plus the teaching; returns how many records the topic holds. */
    static long preload(BenchContext context, int updates) {
        context.kafka().reset();
        context.kafka().createTopic(Topics.UPDATES, BenchContext.PARTITIONS);
        Workload workload = new Workload(ChatPopulation.of(context.plan().chats(), 1.1), UpdateMix.standard(),
                context.seed());
        List<WorkloadUpdate> all = new java.util.ArrayList<>(workload.teaching());
        all.addAll(workload.next(updates));
        List<ProducerRecord<String, byte[]>> records = all.stream().map(IngressRecords::of).toList();
        Producers.writeAll(context.infrastructure().bootstrapServers(), records);
        return context.kafka().endOffsets(Topics.UPDATES, BenchContext.PARTITIONS);
    }

    /** Starts a processor (left running, the caller stops it) and waits until it has applied the backlog. */
    static Drain drain(BenchContext context, Database database, long total, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(context.serviceEnv(database, null));
        env.putAll(extraEnv);
        JvmProcess processor = context.launcher().service("processor", env);
        CompletableFuture<JvmProcess> started = CompletableFuture.supplyAsync(processor::start);
        long firstAt = 0;
        long firstCommitted = 0;
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(15).toNanos();
        long committed = 0;
        long reported = System.nanoTime();
        while (committed < total) {
            if (System.nanoTime() - reported > 10_000_000_000L) {
                Bench.log("  processor: " + committed + " of " + total + " updates applied");
                reported = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processor did not drain " + total + " updates within 15 minutes");
            }
            if (started.isCompletedExceptionally()) {
                started.join();
            }
            Sleep.millis(100);
            committed = context.kafka().committed("bread-bot-processor", Topics.UPDATES);
            if (committed > 0 && firstAt == 0) {
                firstAt = System.nanoTime();
                firstCommitted = committed;
            }
        }
        double seconds = (System.nanoTime() - firstAt) / 1e9;
        started.join();
        return new Drain(total - firstCommitted, (total - firstCommitted) / seconds, processor);
    }
}

package org.breadbot.processor.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bread_bot_processor_updates_total{outcome}}, {@code bread_bot_processor_processing_seconds} and
 * {@code bread_bot_processor_outbox_pending}.
 */
final class PipelineMetrics {

    private final Counter applied;
    private final Counter duplicate;
    private final Counter failed;
    private final Timer processing;
    private final AtomicLong outboxPending = new AtomicLong();

    PipelineMetrics(MeterRegistry registry) {
        applied = updates(registry, "applied");
        duplicate = updates(registry, "duplicate");
        failed = updates(registry, "failed");
        processing = Timer.builder("bread_bot.processor.processing")
                .description("Time to apply one update and publish its replies")
                .register(registry);
        Gauge.builder("bread_bot.processor.outbox.pending", outboxPending, AtomicLong::get)
                .description("Replies committed but not yet acknowledged by Kafka")
                .register(registry);
    }

    private static Counter updates(MeterRegistry registry, String outcome) {
        return Counter.builder("bread_bot.processor.updates")
                .description("Updates consumed, by outcome (failed = dead-lettered)")
                .tag("outcome", outcome)
                .register(registry);
    }

    Timer.Sample start() {
        return Timer.start();
    }

    void processed(Timer.Sample sample, Outcome outcome) {
        sample.stop(processing);
        (outcome.applied() ? applied : duplicate).increment();
    }

    void deadLettered() {
        failed.increment();
    }

    void outboxPending(long rows) {
        outboxPending.set(rows);
    }
}

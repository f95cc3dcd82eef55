package org.breadbot.processor.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the pipeline reports to Prometheus (docs/operations.md lists what to graph and alert on):
 * <ul>
 *   <li>{@code bread_bot_processor_updates_total{outcome}}: applied, duplicate, failed (= dead-lettered),
 *       beyond-horizon (too old to be de-duplicated, skipped: {@link DedupHorizon});</li>
 *   <li>{@code bread_bot_processor_dlt_total{kind}}: records written to {@code telegram.updates.dlt}, by
 *       {@link FailureKind};</li>
 *   <li>{@code bread_bot_processor_retries_total{kind}}: failed attempts of a record that the error policy handled
 *       (retried or dead-lettered), by {@link FailureKind};</li>
 *   <li>{@code bread_bot_processor_processing_seconds} (histogram): from the poll that brought a record until its
 *       batch is done, replies acknowledged by Kafka included (the offsets are committed right after); records
 *       of a failed batch are timed when they are done after all;</li>
 *   <li>{@code bread_bot_processor_update_age_seconds} (histogram): from ingress receiving the update until the
 *       processor does, i.e. how far behind the consumers are, in time;</li>
 *   <li>{@code bread_bot_processor_outbox_pending}: replies committed but not yet acknowledged by Kafka.</li>
 * </ul>
 */
final class PipelineMetrics {

    private final Counter applied;
    private final Counter duplicate;
    private final Counter failed;
    private final Counter beyondHorizon;
    private final MeterRegistry registry;
    private final Timer processing;
    private final Timer updateAge;
    private final AtomicLong outboxPending = new AtomicLong();

    PipelineMetrics(MeterRegistry registry) {
        applied = updates(registry, "applied");
        duplicate = updates(registry, "duplicate");
        this.registry = registry;
        failed = updates(registry, "failed");
        beyondHorizon = updates(registry, "beyond-horizon");
        for (FailureKind kind : FailureKind.values()) {
            deadLetters(kind);
            failedAttempts(kind);
        }
        processing = Timer.builder("bread_bot.processor.processing")
                .description("From polling a record to its batch being done, replies acknowledged included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        updateAge = Timer.builder("bread_bot.processor.update_age")
                .description("From ingress receiving an update to the processor receiving it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
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

    void processed(Outcome outcome) {
        (outcome.applied() ? applied : duplicate).increment();
    }

    void beyondHorizon() {
        beyondHorizon.increment();
    }

    /** A record's way from its poll to its batch being done, measured by {@link PipelineBatchInterceptor}. */
    void recordDone(long nanos) {
        processing.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How old an update was when the processor received it; clocks of other hosts may make it negative. */
    void updateAge(long millis) {
        updateAge.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    void deadLettered(FailureKind kind) {
        failed.increment();
        deadLetters(kind).increment();
    }

    void failedAttempt(FailureKind kind) {
        failedAttempts(kind).increment();
    }

    private Counter deadLetters(FailureKind kind) {
        return Counter.builder("bread_bot.processor.dlt")
                .description("Records written to telegram.updates.dlt, by what went wrong")
                .tag("kind", kind.tag())
                .register(registry);
    }

    private Counter failedAttempts(FailureKind kind) {
        return Counter.builder("bread_bot.processor.retries")
                .description("Failed attempts of records the error policy retried or dead-lettered, by what went wrong")
                .tag("kind", kind.tag())
                .register(registry);
    }

    void outboxPending(long rows) {
        outboxPending.set(rows);
    }
}

package org.breadbot.processor.pipeline.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.processor.store.JobKind;

/**
 * {@code bread_bot_jobs_seconds{kind,outcome}} (time from hand-over to replies published),
 * {@code bread_bot_jobs_given_up_total}, {@code bread_bot_jobs_running} and {@code bread_bot_jobs_pending}.
 */
final class JobMetrics {

    private final MeterRegistry registry;
    private final Counter givenUp;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong pending = new AtomicLong();

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        givenUp = Counter.builder("bread_bot.jobs.given.up")
                .description("Jobs given up (past their deadline, or handed off too often); their chat got the failure"
                        + " reply")
                .register(registry);
        Gauge.builder("bread_bot.jobs.running", running, AtomicInteger::get)
                .description("Jobs running in this instance")
                .register(registry);
        Gauge.builder("bread_bot.jobs.pending", pending, AtomicLong::get)
                .description("Jobs recorded and not finished, all instances")
                .register(registry);
        // at 0 from the start, so that a dashboard and an alert see the series before the first retry
        retries("busy");
        retries("failure");
    }

    Timer.Sample started() {
        running.incrementAndGet();
        return Timer.start(registry);
    }

    void finished(Timer.Sample sample, JobKind kind, String outcome) {
        running.decrementAndGet();
        sample.stop(Timer.builder("bread_bot.jobs")
                .description("Time to run a job and publish its replies")
                .tag("kind", kind.name().toLowerCase())
                .tag("outcome", outcome)
                .register(registry));
    }

    void retried(String reason) {
        retries(reason).increment();
    }

    private Counter retries(String reason) {
        return Counter.builder("bread_bot.jobs.retries")
                .description("Failed attempts of telegram.jobs records the error policy retried, by why")
                .tag("reason", reason)
                .register(registry);
    }

    void givenUp() {
        givenUp.increment();
    }

    void pending(long jobs) {
        pending.set(jobs);
    }
}

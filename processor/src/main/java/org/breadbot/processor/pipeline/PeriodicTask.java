package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.function.Supplier;
import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a reactive job at a fixed interval on its own thread while the application runs. A run that takes longer
 * than the interval delays the next one instead of overlapping it; a failed run is logged and the next one tries
 * again. Stopping cancels the run in progress (its transaction rolls back), then runs the final job, if there is
 * one, once more to the end within its timeout: the outbox relay uses it to flush what is left at shutdown.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> job;
    private final Supplier<Mono<?>> finalJob;
    private final Duration finalTimeout;
    private Scheduler scheduler;
    private Disposable runs;

    public PeriodicTask(String name, Duration interval, Supplier<Mono<?>> job) {
        this(name, interval, job, null, Duration.ZERO);
    }

    /** @param finalJob run once at stop, after the periodic runs are cancelled; null for none */
    PeriodicTask(String name, Duration interval, Supplier<Mono<?>> job, Supplier<Mono<?>> finalJob,
            Duration finalTimeout) {
        this.name = name;
        this.interval = interval;
        this.job = job;
        this.finalJob = finalJob;
        this.finalTimeout = finalTimeout;
    }

    @Override
    public synchronized void start() {
        scheduler = Schedulers.newSingle(name);
        runs = Flux.interval(interval, interval, scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce(), 1)
                .subscribe();
    }

    private Mono<?> runOnce() {
        return Mono.defer(job)
                .onErrorResume(e -> {
                    log.warn("{} failed; retrying in {}: {}", name, interval, Secrets.mask(String.valueOf(e)));
                    return Mono.empty();
                });
    }

    @Override
    public synchronized void stop() {
        if (runs != null) {
            runs.dispose();
            runFinalJob();
            scheduler.dispose();
            runs = null;
        }
    }

    /** Blocks the stopping thread (never a Netty one), at most for the final timeout. */
    private void runFinalJob() {
        if (finalJob == null) {
            return;
        }
        try {
            Object result = Mono.defer(finalJob).block(finalTimeout);
            log.info("{} ran once more at shutdown: {}", name, result);
        } catch (RuntimeException e) {
            log.warn("{} could not finish at shutdown within {}; what is left is done after the next start: {}",
                    name, finalTimeout, Secrets.mask(String.valueOf(e)));
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return runs != null;
    }

    /** Starts before and stops after the listener containers, which rely on it to finish what they leave. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 2;
    }
}

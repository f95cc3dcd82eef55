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
 * again. Stopping cancels the run in progress (its transaction rolls back).
 */
final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> job;
    private Scheduler scheduler;
    private Disposable runs;

    PeriodicTask(String name, Duration interval, Supplier<Mono<?>> job) {
        this.name = name;
        this.interval = interval;
        this.job = job;
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
            scheduler.dispose();
            runs = null;
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

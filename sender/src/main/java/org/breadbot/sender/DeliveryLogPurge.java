package org.breadbot.sender;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes delivery-log rows older than the retention, every purge interval while the sender runs. A failed purge
 * is logged and tried again at the next interval.
 */
final class DeliveryLogPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogPurge.class);
    private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

    private final DeliveryLog deliveryLog;
    private final SenderProperties.DeliveryLog settings;
    private volatile Disposable schedule;

    DeliveryLogPurge(DeliveryLog deliveryLog, SenderProperties.DeliveryLog settings) {
        this.deliveryLog = deliveryLog;
        this.settings = settings;
    }

    /** One purge; emits the number of rows deleted. */
    Mono<Long> purgeOnce() {
        return deliveryLog.purgeOlderThan(settings.retention())
                .doOnNext(deleted -> log.info("Purged {} delivery-log row(s) older than {}", deleted,
                        settings.retention()));
    }

    @Override
    public void start() {
        schedule = Flux.interval(FIRST_PURGE_AFTER, settings.purgeInterval())
                .onBackpressureDrop()
                .concatMap(tick -> purgeOnce().onErrorResume(error -> {
                    log.warn("Purging the delivery log failed ({}); trying again in {}", error.toString(),
                            settings.purgeInterval());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}

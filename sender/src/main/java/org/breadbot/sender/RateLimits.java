package org.breadbot.sender;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * Telegram's flood limits as Bucket4j token buckets (telegram-bot-api.md §8): every chat ~1 msg/s with a small
 * burst, groups (negative ids) also 20 msg/min, all chats together 30 msg/s.
 *
 * <p>Waiting never holds a thread: a send reserves its tokens and Bucket4j schedules the completion for when they
 * are due. Buckets are taken in the order chat, then global, so a chat that has to wait anyway does not hold
 * global tokens meanwhile.
 *
 * <p>Chat buckets live in a bounded Caffeine cache and are dropped after being idle for at least the time they
 * take to fill up again, so dropping one never lets a chat send early.
 */
final class RateLimits implements AutoCloseable {

    private final TimeMeter clock;
    private final ScheduledExecutorService scheduler;
    private final SenderProperties.Limits limits;
    private final Bucket global;
    private final Cache<Long, Bucket> chats;
    private final boolean ownsScheduler;
    private volatile long pausedUntilNanos;

    /** Rate limits on the system clock with a scheduler thread of their own, closed by {@link #close()}. */
    static RateLimits create(SenderProperties.Limits limits) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sender-rate-limits");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return new RateLimits(limits, scheduler, TimeMeter.SYSTEM_NANOTIME, true);
    }

    RateLimits(SenderProperties.Limits limits, ScheduledExecutorService scheduler, TimeMeter clock) {
        this(limits, scheduler, clock, false);
    }

    private RateLimits(SenderProperties.Limits limits, ScheduledExecutorService scheduler, TimeMeter clock,
            boolean ownsScheduler) {
        this.ownsScheduler = ownsScheduler;
        this.limits = limits;
        this.scheduler = scheduler;
        this.clock = clock;
        this.global = bucket(limits.global());
        this.chats = Caffeine.newBuilder()
                .expireAfterAccess(evictionAfter(limits))
                .maximumSize(limits.maxTrackedChats())
                .build();
        this.pausedUntilNanos = clock.currentTimeNanos();
    }

    /** Completes when {@code chatId} may be sent to; emits how long that took. */
    Mono<Duration> acquire(long chatId) {
        return Mono.defer(() -> {
            long start = clock.currentTimeNanos();
            return globalPause()
                    .then(take(chatBucket(chatId)))
                    .then(take(global))
                    .then(Mono.fromSupplier(() -> Duration.ofNanos(clock.currentTimeNanos() - start)));
        });
    }

    /** Holds every chat back for {@code wait} (after a 429, when configured so). */
    void pauseAll(Duration wait) {
        long until = clock.currentTimeNanos() + wait.toNanos();
        synchronized (this) {
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
        }
    }

    @Override
    public void close() {
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** Chat buckets held at the moment. */
    long trackedChats() {
        chats.cleanUp();
        return chats.estimatedSize();
    }

    private Mono<Void> globalPause() {
        long wait = pausedUntilNanos - clock.currentTimeNanos();
        return wait > 0 ? sleep(wait) : Mono.empty();
    }

    private Mono<Void> take(Bucket bucket) {
        return Mono.fromFuture(() -> bucket.asScheduler().consume(1, scheduler));
    }

    private Mono<Void> sleep(long nanos) {
        return Mono.fromFuture(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Runnable wakeUp = () -> done.complete(null);
            scheduler.schedule(wakeUp, nanos, TimeUnit.NANOSECONDS);
            return done;
        });
    }

    private Bucket chatBucket(long chatId) {
        return chats.get(chatId, id -> id < 0
                ? bucket(limits.chat(), limits.group())
                : bucket(limits.chat()));
    }

    private Bucket bucket(SenderProperties.Limit... bandwidths) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (SenderProperties.Limit limit : bandwidths) {
            builder.addLimit(Bandwidth.builder()
                    .capacity(limit.burst())
                    .refillGreedy(limit.messages(), limit.period())
                    .build());
        }
        return builder.build();
    }

    private static Duration evictionAfter(SenderProperties.Limits limits) {
        return Stream.of(limits.chat().timeToFill(), limits.group().timeToFill(), limits.idleChatEviction())
                .max(Duration::compareTo)
                .orElseThrow();
    }
}

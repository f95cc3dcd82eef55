package org.breadbot.sender;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 * <p>A send takes its chat token and a global token at the same moment, right before the call, so the spacing
 * Telegram sees is the spacing of the buckets. (Waiting for one bucket and then the other would let the second wait
 * squeeze the gap to the next message of the same chat.) When either bucket is short, the send asks Bucket4j how
 * long until both could serve it and waits that long on a scheduler, never holding a thread; then it tries again.
 *
 * <p>The buckets hold {@code margin} worth of their rate less than Telegram's bursts (sender.md "Margin"): the
 * sustained rate is Telegram's, but Telegram's bucket never runs dry in lockstep with ours, so jitter between our
 * permit and the request's arrival does not turn into a 429.
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
    private final Deque<Waiter> globalQueue = new ArrayDeque<>();
    private boolean wakeScheduled;
    private final Duration privateInterval;
    private final Duration groupInterval;

    /** Tokens per message: lets a bucket hold a fraction of a message less than its burst (the margin). */
    static final long SCALE = 1000;

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
        this.privateInterval = limits.chat().period().dividedBy(limits.chat().messages());
        Duration group = limits.group().period().dividedBy(limits.group().messages());
        this.groupInterval = group.compareTo(privateInterval) > 0 ? group : privateInterval;
    }

    /** Completes when {@code chatId} may be sent to, having taken its tokens; emits how long that took. */
    Mono<Duration> acquire(long chatId) {
        return Mono.defer(() -> {
            long start = clock.currentTimeNanos();
            return takeBoth(chatBucket(chatId))
                    .then(Mono.fromSupplier(() -> Duration.ofNanos(clock.currentTimeNanos() - start)));
        });
    }

    /**
     * Takes a chat and a global token together. First the chat's own bucket (only its lane takes from it, so once it
     * has a token it keeps it); then a FIFO queue for the global bucket, served by {@link #drain()} one token at a
     * time, so thousands of waiting chats cost one wake-up per global token instead of all waking at every token.
     */
    private Mono<Void> takeBoth(Bucket chat) {
        return Mono.defer(() -> {
            long wait = Math.max(pausedUntilNanos - clock.currentTimeNanos(), nanosUntilAvailable(chat));
            if (wait > 0) {
                return sleep(wait).then(takeBoth(chat));
            }
            CompletableFuture<Boolean> taken = new CompletableFuture<>();
            synchronized (globalQueue) {
                globalQueue.add(new Waiter(chat, taken));
            }
            drain();
            return Mono.fromFuture(taken).flatMap(ok -> ok ? Mono.<Void>empty() : takeBoth(chat));
        });
    }

    /** A chat whose own token is there, waiting its turn for a global one. */
    private record Waiter(Bucket chat, CompletableFuture<Boolean> taken) {
    }

    /** Serves the global queue in order while tokens are there, then sleeps until the next one. */
    private void drain() {
        List<Waiter> served = new ArrayList<>();
        List<Waiter> again = new ArrayList<>();
        synchronized (globalQueue) {
            while (!globalQueue.isEmpty()) {
                long wait = Math.max(pausedUntilNanos - clock.currentTimeNanos(), nanosUntilAvailable(global));
                if (wait > 0) {
                    if (!wakeScheduled) {
                        wakeScheduled = true;
                        scheduler.schedule(() -> {
                            synchronized (globalQueue) {
                                wakeScheduled = false;
                            }
                            drain();
                        }, wait, TimeUnit.NANOSECONDS);
                    }
                    break;
                }
                Waiter head = globalQueue.poll();
                if (head.taken().isDone()) {
                    // cancelled while waiting (its partition was revoked): takes no token
                    continue;
                }
                if (!head.chat().tryConsume(SCALE)) {
                    again.add(head);
                } else if (!global.tryConsume(SCALE)) {
                    head.chat().addTokens(SCALE);
                    again.add(head);
                } else {
                    served.add(head);
                }
            }
        }
        served.forEach(waiter -> waiter.taken().complete(true));
        again.forEach(waiter -> waiter.taken().complete(false));
    }

    private static long nanosUntilAvailable(Bucket bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(SCALE);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /**
     * How long {@code chatId} must wait for its own bucket (and a global pause) before it may be sent to; the
     * global bucket, which every chat waits for alike, is left out.
     */
    Duration chatWait(long chatId) {
        return Duration.ofNanos(Math.max(0, Math.max(pausedUntilNanos - clock.currentTimeNanos(),
                nanosUntilAvailable(chatBucket(chatId)))));
    }

    /** The steady spacing of a chat's messages: a second for a private chat, three for a group (20 a minute). */
    Duration interval(long chatId) {
        return chatId >= 0 ? privateInterval : groupInterval;
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
                    .capacity(capacity(limit, limits.margin()))
                    .refillGreedy(limit.messages() * SCALE, limit.period())
                    .build());
        }
        return builder.build();
    }

    /**
     * The burst less {@code margin} of the rate, in tokens; never less than two messages (or the burst, when that is
     * smaller). A bucket of one message is full again at the moment its next send is due, and its refill stops
     * there: every millisecond a wake-up comes late (a busy machine, a GC pause) is lost for good. Two messages
     * carry up to a whole period of lateness over (with 10,000 chats and GC pauses in the benchmark: 73 → 84 % of
     * the global limit).
     */
    static long capacity(SenderProperties.Limit limit, Duration margin) {
        long marginTokens = (long) Math.ceil((double) margin.toNanos() * limit.messages() * SCALE
                / limit.period().toNanos());
        long floor = Math.min(2 * SCALE, limit.burst() * SCALE);
        return Math.max(floor, limit.burst() * SCALE - marginTokens);
    }

    private static Duration evictionAfter(SenderProperties.Limits limits) {
        return Stream.of(limits.chat().timeToFill(), limits.group().timeToFill(), limits.idleChatEviction())
                .max(Duration::compareTo)
                .orElseThrow();
    }
}

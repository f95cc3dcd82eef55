package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The rate-limit policy on a fake clock: a wait advances the clock instead of taking real time. */
class RateLimitsTest {

    private final FakeClock clock = new FakeClock();
    private final ClockAdvancingScheduler scheduler = new ClockAdvancingScheduler(clock);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static SenderProperties.Limits limits(long chatBurst, long groupMessages, long groupBurst,
            long globalMessages, long globalBurst, long maxChats) {
        return new SenderProperties.Limits(1, Duration.ofSeconds(1), chatBurst, groupMessages,
                Duration.ofMinutes(1), groupBurst, globalMessages, Duration.ofSeconds(1), globalBurst,
                Duration.ofMinutes(10), maxChats, Duration.ZERO);
    }

    private static SenderProperties.Limits telegramLimits() {
        return limits(1, 20, 20, 30, 30, 1000);
    }

    /** Telegram's numbers (chat burst 3) with the given margin. */
    private static SenderProperties.Limits telegramLimits(Duration margin) {
        return new SenderProperties.Limits(1, Duration.ofSeconds(1), 3, 20, Duration.ofMinutes(1), 20, 30,
                Duration.ofSeconds(1), 30, Duration.ofMinutes(10), 1000, margin);
    }

    private Duration acquire(RateLimits rateLimits, long chatId) {
        return rateLimits.acquire(chatId).block(Duration.ofSeconds(5));
    }

    private Duration elapsedFor(RateLimits rateLimits, long chatId, int sends) {
        long start = clock.currentTimeNanos();
        for (int i = 0; i < sends; i++) {
            acquire(rateLimits, chatId);
        }
        return Duration.ofNanos(clock.currentTimeNanos() - start);
    }

    @Test
    void aPrivateChatSendsItsBurstAtOnceThenOnePerSecond() {
        RateLimits rateLimits = new RateLimits(limits(2, 20, 20, 30, 30, 1000), scheduler, clock);

        assertThat(acquire(rateLimits, 42)).isZero();
        assertThat(acquire(rateLimits, 42)).isZero();
        assertThat(acquire(rateLimits, 42)).isEqualTo(Duration.ofSeconds(1));
        assertThat(acquire(rateLimits, 42)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withTelegramsLimitsAChatNeverGetsMoreThanOneMessagePerSecond() {
        RateLimits rateLimits = new RateLimits(telegramLimits(), scheduler, clock);

        assertThat(elapsedFor(rateLimits, 42, 11)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aChatThatWaitsDoesNotHoldUpAnother() {
        RateLimits rateLimits = new RateLimits(telegramLimits(), scheduler, clock);
        acquire(rateLimits, 1);

        assertThat(acquire(rateLimits, 2)).isZero();
        assertThat(acquire(rateLimits, -100)).isZero();
    }

    @Test
    void aGroupIsAlsoHeldToTwentyMessagesPerMinute() {
        RateLimits rateLimits = new RateLimits(telegramLimits(), scheduler, clock);

        Duration privateChat = elapsedFor(rateLimits, 42, 80);
        Duration group = elapsedFor(rateLimits, -100, 80);

        assertThat(privateChat).isEqualTo(Duration.ofSeconds(79));
        // a full bucket of 20, then one message every 3 s
        assertThat(group).isBetween(Duration.ofSeconds(177), Duration.ofSeconds(181));
    }

    @Test
    void allChatsTogetherStayWithinTheGlobalLimit() {
        RateLimits rateLimits = new RateLimits(telegramLimits(), scheduler, clock);
        long start = clock.currentTimeNanos();

        for (long chat = 1; chat <= 90; chat++) {
            acquire(rateLimits, chat);
        }

        // a burst of 30, then 30 per second
        assertThat(Duration.ofNanos(clock.currentTimeNanos() - start))
                .isBetween(Duration.ofMillis(1990), Duration.ofMillis(2010));
    }

    @Test
    void aWaitForTheGlobalLimitDoesNotShortenTheGapToTheChatsNextMessage() {
        // a global token every 0.5 s, no global burst
        SenderProperties.Limits limits = new SenderProperties.Limits(1, Duration.ofSeconds(1), 1, 20,
                Duration.ofMinutes(1), 20, 2, Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 1000, Duration.ZERO);
        RateLimits rateLimits = new RateLimits(limits, scheduler, clock);
        acquire(rateLimits, 1);

        assertThat(acquire(rateLimits, 2)).as("waits for the global token").isEqualTo(Duration.ofMillis(500));
        assertThat(acquire(rateLimits, 2)).as("a full second after its previous message")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theMarginKeepsTelegramsBucketAFractionOfAMessageAhead() {
        // Telegram's numbers with a margin of 100 ms: each bucket holds 0.1 s of its rate less
        RateLimits rateLimits = new RateLimits(telegramLimits(Duration.ofMillis(100)), scheduler, clock);

        assertThat(acquire(rateLimits, 42)).isZero();
        assertThat(acquire(rateLimits, 42)).isZero();
        assertThat(acquire(rateLimits, 42)).as("2.9 of 3 in the bucket").isEqualTo(Duration.ofMillis(100));
        assertThat(acquire(rateLimits, 42)).as("then Telegram's rate").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBucketKeepsAtLeastTwoMessagesOrItsBurst() {
        Duration margin = Duration.ofSeconds(1);

        assertThat(RateLimits.capacity(new SenderProperties.Limit(30, Duration.ofSeconds(1), 30), margin))
                .as("global: the margin takes the whole burst").isEqualTo(2 * RateLimits.SCALE);
        assertThat(RateLimits.capacity(new SenderProperties.Limit(1, Duration.ofSeconds(1), 3), margin))
                .isEqualTo(2 * RateLimits.SCALE);
        assertThat(RateLimits.capacity(new SenderProperties.Limit(20, Duration.ofMinutes(1), 20), margin))
                .isEqualTo(20 * RateLimits.SCALE - 334);
        assertThat(RateLimits.capacity(new SenderProperties.Limit(1, Duration.ofSeconds(1), 1), margin))
                .as("never more than the burst").isEqualTo(RateLimits.SCALE);
    }

    @Test
    void aLateWakeUpLosesNoRate() {
        RateLimits rateLimits = new RateLimits(telegramLimits(Duration.ofSeconds(1)), scheduler, clock);
        acquire(rateLimits, 1);
        acquire(rateLimits, 2);

        // the next global token was due after 33.3 ms; the sender comes back 50 ms later
        clock.advance(Duration.ofMillis(50).toNanos());

        assertThat(acquire(rateLimits, 3)).isZero();
        assertThat(acquire(rateLimits, 4)).as("the 16.7 ms of refill past the due time are kept")
                .isBetween(Duration.ofMillis(16), Duration.ofMillis(17));
    }

    @Test
    void withTheMarginAllChatsStillGetTheGlobalRate() {
        RateLimits rateLimits = new RateLimits(telegramLimits(Duration.ofMillis(100)), scheduler, clock);
        long start = clock.currentTimeNanos();

        for (long chat = 1; chat <= 90; chat++) {
            acquire(rateLimits, chat);
        }

        // a burst of 27 (30 less 0.1 s × 30/s), then 30 per second: 63 more take 2.1 s
        assertThat(Duration.ofNanos(clock.currentTimeNanos() - start))
                .isBetween(Duration.ofMillis(2090), Duration.ofMillis(2110));
    }

    @Test
    void aGlobalPauseHoldsBackEveryChat() {
        RateLimits rateLimits = new RateLimits(telegramLimits(), scheduler, clock);

        rateLimits.pauseAll(Duration.ofSeconds(2));

        assertThat(acquire(rateLimits, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(acquire(rateLimits, 2)).isZero();
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() {
        RateLimits rateLimits = new RateLimits(telegramLimits(), scheduler, clock);

        rateLimits.pauseAll(Duration.ofSeconds(5));
        rateLimits.pauseAll(Duration.ofSeconds(1));

        assertThat(acquire(rateLimits, 1)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void chatBucketsAreBounded() {
        RateLimits rateLimits = new RateLimits(limits(1, 20, 20, 100_000, 100_000, 10), scheduler, clock);

        for (long chat = 1; chat <= 500; chat++) {
            acquire(rateLimits, chat);
        }

        assertThat(rateLimits.trackedChats()).isLessThanOrEqualTo(10);
    }

    @Test
    void idleChatsAreDroppedOnlyOnceTheirBucketWouldBeFullAgain() {
        SenderProperties.Limits limits = new SenderProperties.Limits(1, Duration.ofSeconds(1), 3, 20,
                Duration.ofMinutes(1), 20, 30, Duration.ofSeconds(1), 30, Duration.ofSeconds(1), 1000, Duration.ZERO);

        assertThat(limits.chat().timeToFill()).isEqualTo(Duration.ofSeconds(3));
        assertThat(limits.group().timeToFill()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void sendsFromManyThreadsAtOnceAreAllServedAndCancelledOnesTakeNothing() {
        try (RateLimits rateLimits = RateLimits.create(limits(1, 100_000, 100_000, 5_000, 100, 100_000))) {
            List<Mono<Duration>> sends = IntStream.range(0, 4_000)
                    .mapToObj(chat -> rateLimits.acquire(chat).subscribeOn(Schedulers.parallel()))
                    .toList();
            List<Mono<Duration>> cancelled = IntStream.range(4_000, 6_000)
                    .mapToObj(chat -> rateLimits.acquire(chat).subscribeOn(Schedulers.parallel())
                            .timeout(Duration.ofNanos(1), Mono.just(Duration.ZERO)))
                    .toList();

            List<Duration> served = Flux.merge(Stream.concat(sends.stream(), cancelled.stream()).toList())
                    .collectList().block(Duration.ofSeconds(30));

            assertThat(served).hasSize(6_000);
        }
    }

    /** Bucket4j's time source, moved by hand. */
    static final class FakeClock implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(long delta) {
            nanos.addAndGet(delta);
        }
    }

    /** Runs a scheduled task at once after moving the clock by its delay. */
    static final class ClockAdvancingScheduler extends ScheduledThreadPoolExecutor {
        private final FakeClock clock;

        ClockAdvancingScheduler(FakeClock clock) {
            super(1);
            this.clock = clock;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            clock.advance(unit.toNanos(delay));
            command.run();
            return super.schedule(() -> { }, 0, TimeUnit.NANOSECONDS);
        }
    }
}

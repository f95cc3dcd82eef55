package org.breadbot.sender;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What the sender reports to Prometheus:
 * {@code bread_bot_sender_deliveries_total{method,outcome}}, {@code bread_bot_sender_rate_limit_wait_seconds},
 * {@code bread_bot_sender_retry_after_total}, {@code bread_bot_sender_dlt_total},
 * {@code bread_bot_sender_fenced_total} (replies not sent because their partition has a newer owner) and
 * {@code bread_bot_sender_end_to_end_seconds} (histogram: from ingress receiving the update to Telegram accepting
 * its reply). Tags hold only fixed words.
 */
@Component
class SenderMetrics {

    /** The method tag of records that are no reply command. */
    static final String UNKNOWN_METHOD = "unknown";
    /** The reasons of {@link #retried}. */
    static final List<String> RETRY_REASONS = List.of("server_error", "unreachable", "outage");
    /** The reasons of {@link #parked}. */
    static final List<String> PARK_REASONS = List.of("rate_limit", "retry_after", "backoff");

    private final MeterRegistry registry;
    private final Timer rateLimitWait;
    private final Counter retryAfter;
    private final Counter deadLettered;
    private final Counter fenced;
    private final Timer endToEnd;

    SenderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimitWait = Timer.builder("bread_bot.sender.rate_limit_wait")
                .description("Time a reply waited for the per-chat, per-group and global rate limits")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        this.endToEnd = Timer.builder("bread_bot.sender.end_to_end")
                .description("From ingress receiving an update (received-at) to Telegram accepting a reply to it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.retryAfter = Counter.builder("bread_bot.sender.retry_after")
                .description("429 answers: Telegram asked to wait retry_after seconds")
                .register(registry);
        this.deadLettered = Counter.builder("bread_bot.sender.dlt")
                .description("Records written to the replies dead-letter topic")
                .register(registry);
        this.fenced = Counter.builder("bread_bot.sender.fenced")
                .description("Replies not sent because their partition has a newer owner, which sends them")
                .register(registry);
        // at 0 from the start, so that a dashboard and an alert see the series before the first retry
        RETRY_REASONS.forEach(reason -> retries(reason));
        PARK_REASONS.forEach(reason -> parkings(reason));
    }

    void fenced() {
        fenced.increment();
    }

    void outcome(String method, DeliveryOutcome outcome) {
        Counter.builder("bread_bot.sender.deliveries")
                .description("Records of the replies topic, by Bot API method and what became of them")
                .tag("method", method)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }

    void rateLimitWait(Duration waited) {
        rateLimitWait.record(waited);
    }

    void retryAfter() {
        retryAfter.increment();
    }

    /** A wait that was retried in memory, by what it waited for ({@code server_error}, {@code outage}, ...). */
    void retried(String reason) {
        retries(reason).increment();
    }

    private Counter retries(String reason) {
        return Counter.builder("bread_bot.sender.retries")
                .description("Waits before a retry, by what was waited for")
                .tag("reason", reason)
                .register(registry);
    }

    /** A reply parked instead of waited for, by why it waits ({@code retry_after}, {@code rate_limit}, ...). */
    void parked(String reason) {
        parkings(reason).increment();
    }

    private Counter parkings(String reason) {
        return Counter.builder("bread_bot.sender.parked")
                .description("Replies parked (stored to wait out of their partition's commit path), by why")
                .tag("reason", reason)
                .register(registry);
    }

    /** How many chats of this instance's partitions have parked replies. */
    void parkedChats(java.util.function.Supplier<Number> chats) {
        io.micrometer.core.instrument.Gauge.builder("bread_bot.sender.parked_chats", chats)
                .description("Chats of this instance's partitions whose replies are parked")
                .register(registry);
    }

    void deadLettered() {
        deadLettered.increment();
    }

    /** @param receivedAt when ingress received the update, epoch ms; another host's clock may run ahead */
    void delivered(long receivedAt) {
        endToEnd.record(Math.max(0, System.currentTimeMillis() - receivedAt), TimeUnit.MILLISECONDS);
    }
}

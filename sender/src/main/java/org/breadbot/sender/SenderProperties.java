package org.breadbot.sender;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.breadbot.common.kafka.GroupProtocol;
import org.breadbot.common.kafka.Topics;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sender ({@code bread-bot.sender.*}); every one can also be set as an environment variable, e.g.
 * {@code BREAD_BOT_SENDER_LIMITS_CHAT_BURST=1}.
 *
 * @param topic                    the replies topic; the contract name, overridable only to isolate tests
 * @param groupId                  the consumer group
 * @param concurrency              consumer threads; deliveries are asynchronous, so one is usually enough
 * @param groupProtocol            Kafka group protocol; {@code auto} asks the broker whether it supports KIP-848
 * @param groupInstanceId          static membership id (suffixed per consumer thread), for rolling restarts that
 *                                 keep partitions in place; blank for dynamic membership
 * @param maxInFlightPerPartition  records of one partition taken but not yet committed before the partition is
 *                                 paused; bounds memory when chats wait (rate limits, 429, back-off)
 * @param lookupConcurrency        records doing their pre-send database look-ups at once, the others wait in
 *                                 arrival order; about the R2DBC pool's size ({@code spring.r2dbc.pool.max-size})
 * @param revocationDrainTimeout   how long a revoked partition waits for its Bot API calls in progress, so the
 *                                 next owner finds them in the delivery log instead of sending them again
 * @param globalPauseOn429         on a 429, hold every chat back instead of only the one that got it
 * @param parkAfter                a reply that would have to wait longer than this (for its chat's rate limit and
 *                                 the replies queued before it, a 429 {@code retry_after}, a back-off) is parked:
 *                                 stored with its chat's later replies and delivered when due, so that its
 *                                 partition's other chats and offset commits never wait longer than this
 * @param maxRetryAfter            a longer 429 {@code retry_after} is taken as this long
 * @param limits                   rate limits
 * @param retry                    back-off for 5xx answers and timeouts
 * @param deliveryLog              the log of delivered replies that prevents sending one twice
 */
@Validated
@ConfigurationProperties("bread-bot.sender")
record SenderProperties(
        @DefaultValue(Topics.REPLIES) @NotBlank String topic,
        @DefaultValue("bread-bot-sender") @NotBlank String groupId,
        @DefaultValue("1") @Min(1) @Max(64) int concurrency,
        @DefaultValue("auto") @NotNull GroupProtocol groupProtocol,
        String groupInstanceId,
        @DefaultValue("1000") @Min(1) int maxInFlightPerPartition,
        @DefaultValue("10") @Min(1) int lookupConcurrency,
        @DefaultValue("15s") @NotNull Duration revocationDrainTimeout,
        @DefaultValue("false") boolean globalPauseOn429,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration parkAfter,
        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration maxRetryAfter,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid DeliveryLog deliveryLog) {

    /** True when static membership is configured. */
    boolean staticMembership() {
        return groupInstanceId != null && !groupInstanceId.isBlank();
    }

    /** The dead-letter topic of {@link #topic()}. */
    String deadLetterTopic() {
        return topic + Topics.DLT_SUFFIX;
    }

    /**
     * Token buckets (telegram-bot-api.md §8): {@code messages} per {@code period}, up to {@code burst} at once.
     * Every chat has the chat limit; groups (negative ids) also the group limit; all chats share the global one.
     *
     * @param idleChatEviction a chat's bucket is dropped after this long unused; at least as long as a bucket
     *                         takes to fill up again, so dropping one never lets a chat send early
     * @param maxTrackedChats  most chat buckets kept at once (bounded memory)
     * @param margin           every bucket holds this much of its own rate less than its burst, so Telegram's
     *                         bucket (same rate, full burst) always keeps this much in hand: a request that reaches
     *                         Telegram up to {@code margin} earlier relative to the one before it than the sender
     *                         released it (network and scheduling jitter) still finds a token. Zero = lockstep.
     */
    record Limits(
            @DefaultValue("1") @Min(1) long chatMessages,
            @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration chatPeriod,
            @DefaultValue("3") @Min(1) long chatBurst,
            @DefaultValue("20") @Min(1) long groupMessages,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration groupPeriod,
            @DefaultValue("20") @Min(1) long groupBurst,
            @DefaultValue("30") @Min(1) long globalMessages,
            @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration globalPeriod,
            @DefaultValue("30") @Min(1) long globalBurst,
            @DefaultValue("10m") @NotNull Duration idleChatEviction,
            @DefaultValue("100000") @Min(1) long maxTrackedChats,
            @DefaultValue("1s") @NotNull Duration margin) {


        Limit chat() {
            return new Limit(chatMessages, chatPeriod, chatBurst);
        }

        Limit group() {
            return new Limit(groupMessages, groupPeriod, groupBurst);
        }

        Limit global() {
            return new Limit(globalMessages, globalPeriod, globalBurst);
        }
    }

    /** {@code messages} per {@code period}, bursts up to {@code burst}. */
    record Limit(long messages, Duration period, long burst) {

        /** How long an empty bucket takes to fill up completely. */
        Duration timeToFill() {
            return period.multipliedBy((burst + messages - 1) / messages);
        }
    }

    /**
     * Exponential back-off with jitter for transient failures (5xx, timeouts); a 429 never counts as an attempt.
     * Every wait has a bound.
     *
     * @param maxAttempts           calls in all, the first included, before the reply is dead-lettered
     * @param unreachableMaxElapsed how long a reply waits for the Bot API to take connections at all before it is
     *                              dead-lettered
     * @param outageMaxElapsed      how long the sender retries PostgreSQL (look-ups, the delivery log, parking)
     *                              and Kafka (dead letters) for one reply before it gives the reply up
     */
    record Retry(
            @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
            @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration minBackoff,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration maxBackoff,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @DefaultValue("24h") @NotNull @DurationMin(seconds = 1) Duration unreachableMaxElapsed,
            @DefaultValue("24h") @NotNull @DurationMin(seconds = 1) Duration outageMaxElapsed) {
    }

    /**
     * @param retention     delivered replies are remembered this long; longer than any record can wait
     *                      uncommitted in the replies topic
     * @param purgeInterval how often older rows are deleted
     * @param clockSkew     how far the clocks of the processor (which stamps replies) and the sender may differ: a
     *                      record older than {@code retention} less this may have been sent and is skipped
     * @param mutationNoClaim test only, never in production: replies are sent without a claim
     *                        ({@link DeliveryClaims}), so that the zombie test can show it catches a reply sent twice
     */
    record DeliveryLog(
            @DefaultValue("3d") @NotNull @DurationMin(minutes = 1) Duration retention,
            @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration purgeInterval,
            @DefaultValue("1h") @NotNull Duration clockSkew,
            @DefaultValue("false") boolean mutationNoClaim) {
    }
}

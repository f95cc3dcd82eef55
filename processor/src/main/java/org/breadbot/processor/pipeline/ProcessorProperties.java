package org.breadbot.processor.pipeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.breadbot.common.kafka.GroupProtocol;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the processor consumes {@code telegram.updates} and delivers replies.
 *
 * @param concurrency        consumer threads of this instance; one partition is only ever worked by one of them
 * @param groupProtocol      Kafka group protocol; {@code auto} asks the broker whether it supports KIP-848
 * @param groupInstanceId    static membership id (suffixed per thread); blank for dynamic membership
 * @param dbMaxPool          {@code DB_MAX_POOL}: R2DBC connections for the processor group, see {@link PoolSizing}
 * @param updateBudget       the time budget of one update: longest its work may take once its transaction has
 *                           begun; the work is then cancelled and the update retried, then dead-lettered
 *                           ({@link ErrorPolicy}). 5 s is some 500 times what an update takes (2–20 ms), and a
 *                           partition's other chats wait at most about twice that behind one heavy update
 * @param processingTimeout  longest one update may take end to end, waiting for a database connection included,
 *                           before it counts as the infrastructure being unavailable; also bounds one outbox flush
 * @param maxUpdateBytes     larger record values are dead-lettered unread (ingress accepts at most 1 MiB)
 * @param kafkaStartupTimeout how long start-up waits for the broker to create topics and pick the protocol
 * @param pollTimeout        longest wait of one poll; it also bounds how long Kafka 4.1's KIP-848 consumer can stall
 *                           after the error handler seeks back (KAFKA-18376), so it is kept short
 * @param outbox             the outbox relay
 * @param dedup              retention of processed update ids
 * @param retry              back-off of failed records
 */
@Validated
@ConfigurationProperties("bread-bot.processor")
record ProcessorProperties(
        @DefaultValue("6") @Min(1) @Max(256) int concurrency,
        @DefaultValue("auto") @NotNull GroupProtocol groupProtocol,
        String groupInstanceId,
        @DefaultValue("20") @Min(1) int dbMaxPool,
        @DefaultValue("5s") @NotNull Duration updateBudget,
        @DefaultValue("30s") @NotNull Duration processingTimeout,
        @DefaultValue("1048576") @Min(1024) int maxUpdateBytes,
        @DefaultValue("15s") @NotNull Duration kafkaStartupTimeout,
        @DefaultValue("1s") @NotNull Duration pollTimeout,
        @DefaultValue @Valid Outbox outbox,
        @DefaultValue @Valid Dedup dedup,
        @DefaultValue @Valid Retry retry) {

    /**
     * @param relayInterval   how often the relay looks for replies left behind by a crash
     * @param relayMinAge     rows younger than this are left to the listener that wrote them
     * @param relayBatchSize  rows per relay transaction
     * @param publishTimeout  longest wait for one reply's acks
     * @param dltMaxValueBytes dead letters with a larger value are sent without it, so they never block
     * @param mutationBypass  test only, never in production: replies skip the outbox and are published straight
     *                        after their update's commit, so that the fault suite can show that it catches replies
     *                        lost between a commit and its publish ({@link OutboxBypass})
     */
    record Outbox(
            @DefaultValue("1s") @NotNull Duration relayInterval,
            @DefaultValue("5s") @NotNull Duration relayMinAge,
            @DefaultValue("100") @Min(1) int relayBatchSize,
            @DefaultValue("30s") @NotNull Duration publishTimeout,
            @DefaultValue("921600") @Min(1024) int dltMaxValueBytes,
            @DefaultValue("false") boolean mutationBypass) {
    }

    /**
     * @param retention          how long an update id is remembered; Telegram redelivers for at most 24 h. Records
     *                           older than this (less {@code clockSkew}) are beyond the horizon ({@link DedupHorizon})
     * @param purgeInterval      how often older ids are deleted
     * @param clockSkew          how far the clocks of ingress (which stamps records) and processor may differ
     * @param applyBeyondHorizon apply records beyond the horizon anyway (they may have been applied before); for an
     *                           operator who knows they were not, e.g. after restoring the database
     * @param mutationOff        test only, never in production: no update counts as seen before, so that the fault
     *                           suite can show that it catches an update applied twice
     */
    record Dedup(
            @DefaultValue("7d") @NotNull Duration retention,
            @DefaultValue("1h") @NotNull Duration purgeInterval,
            @DefaultValue("1h") @NotNull Duration clockSkew,
            @DefaultValue("false") boolean applyBeyondHorizon,
            @DefaultValue("false") boolean mutationOff) {

        @AssertTrue(message = "dedup.retention must be longer than dedup.clock-skew")
        boolean isRetentionLongerThanSkew() {
            return retention == null || clockSkew == null || retention.compareTo(clockSkew) > 0;
        }
    }

    /**
     * Retries of failed records, per {@link FailureKind}; every kind has a bound.
     *
     * @param transientInitial      first wait after the database or Kafka was unavailable or a lock was not
     *                              granted; each wait is twice the last
     * @param transientMax          longest wait between attempts while the infrastructure is unavailable
     * @param unavailableMaxElapsed how long a record is retried while the infrastructure is unavailable before it
     *                              is dead-lettered
     * @param contentionAttempts    attempts in all of an update that PostgreSQL refused to wait for (lock or
     *                              statement timeout); with the doubling waits the default outlasts
     *                              {@code idle-in-transaction-timeout}
     * @param overBudgetAttempts    attempts in all of an update over its time budget
     * @param otherAttempts         retries of any other failure before the record is dead-lettered
     * @param otherInterval         wait between those retries, and between attempts over budget
     */
    record Retry(
            @DefaultValue("1s") @NotNull Duration transientInitial,
            @DefaultValue("30s") @NotNull Duration transientMax,
            @DefaultValue("24h") @NotNull Duration unavailableMaxElapsed,
            @DefaultValue("6") @Min(1) @Max(100) int contentionAttempts,
            @DefaultValue("2") @Min(1) @Max(100) int overBudgetAttempts,
            @DefaultValue("2") @Min(0) int otherAttempts,
            @DefaultValue("500ms") @NotNull Duration otherInterval) {
    }
}

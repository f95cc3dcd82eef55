package org.breadbot.processor.pipeline;

import jakarta.validation.Valid;
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
 * @param processingTimeout  longest one update may take end to end before it counts as a transient failure
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
     */
    record Outbox(
            @DefaultValue("1s") @NotNull Duration relayInterval,
            @DefaultValue("5s") @NotNull Duration relayMinAge,
            @DefaultValue("100") @Min(1) int relayBatchSize,
            @DefaultValue("30s") @NotNull Duration publishTimeout,
            @DefaultValue("921600") @Min(1024) int dltMaxValueBytes) {
    }

    /**
     * @param retention     how long an update id is remembered; Telegram redelivers for at most 24 h
     * @param purgeInterval how often older ids are deleted
     */
    record Dedup(
            @DefaultValue("7d") @NotNull Duration retention,
            @DefaultValue("1h") @NotNull Duration purgeInterval) {
    }

    /**
     * @param transientInitial  first wait after a transient failure (database or Kafka unavailable)
     * @param transientMax      longest wait between attempts; transient failures are retried without end
     * @param otherAttempts     retries of any other failure before the record is dead-lettered
     * @param otherInterval     wait between those retries
     */
    record Retry(
            @DefaultValue("1s") @NotNull Duration transientInitial,
            @DefaultValue("30s") @NotNull Duration transientMax,
            @DefaultValue("2") @Min(0) int otherAttempts,
            @DefaultValue("500ms") @NotNull Duration otherInterval) {
    }
}

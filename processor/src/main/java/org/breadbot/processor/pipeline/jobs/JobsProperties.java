package org.breadbot.processor.pipeline.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the processor runs slow work ({@code bread-bot.jobs.*}; docs/architecture.md, "Slow work: the jobs topic").
 *
 * @param consumers        consumer threads on {@code telegram.jobs}; they only hand jobs over, so one is plenty
 * @param maxRunning       jobs of different chats running at once in this instance
 * @param maxAccepted      jobs accepted (running or waiting behind their chat's running job) before the consumer
 *                         waits for room
 * @param deadline         longest a job may run; it must outlast its integration's timeouts and retries
 * @param lease            a handed-off job not finished within this time (a crash) is handed off again; longer
 *                         than {@code deadline}
 * @param maxHandOffs      a job handed off this often without finishing is given up (logged and counted)
 * @param relayInterval    how often recorded jobs are looked for besides the signal after each commit
 * @param relayBatchSize   jobs per relay transaction
 * @param publishTimeout   longest wait for Kafka's ack of a job or a reply
 * @param maxRecordBytes   larger {@code telegram.jobs} records are dead-lettered unread
 */
@Validated
@ConfigurationProperties("bread-bot.jobs")
public record JobsProperties(
        @DefaultValue("1") @Min(1) @Max(64) int consumers,
        @DefaultValue("32") @Min(1) @Max(1024) int maxRunning,
        @DefaultValue("1000") @Min(1) int maxAccepted,
        @DefaultValue("3m") @NotNull Duration deadline,
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("5") @Min(1) int maxHandOffs,
        @DefaultValue("1s") @NotNull Duration relayInterval,
        @DefaultValue("100") @Min(1) int relayBatchSize,
        @DefaultValue("30s") @NotNull Duration publishTimeout,
        @DefaultValue("65536") @Min(1024) int maxRecordBytes) {
}

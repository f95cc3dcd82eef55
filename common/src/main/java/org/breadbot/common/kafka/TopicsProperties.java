package org.breadbot.common.kafka;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How bread-bot's topics are created when missing. Existing topics are never changed (see {@link TopicProvisioner}).
 *
 * @param partitions        partitions of every topic (dev 3, compose 6)
 * @param replicationFactor replicas of every topic
 * @param updatesRetention  how long {@link Topics#UPDATES} keeps records; a negative value keeps them forever
 * @param repliesRetention  how long {@link Topics#REPLIES} keeps records
 * @param create            whether to create missing topics at start-up at all
 */
@Validated
@ConfigurationProperties("bread-bot.topics")
public record TopicsProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("30d") Duration updatesRetention,
        @DefaultValue("7d") Duration repliesRetention,
        @DefaultValue("true") boolean create) {
}

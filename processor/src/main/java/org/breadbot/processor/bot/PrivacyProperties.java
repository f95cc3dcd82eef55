package org.breadbot.processor.bot;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the bot keeps a chat's data after it was removed from it (docs/privacy.md).
 *
 * @param retentionAfterRemoval a chat the bot left or was kicked from is forgotten this long after, unless the bot
 *                              is added back meanwhile; long enough to survive an accidental kick
 * @param purgeInterval         how often the processor looks for chats due
 * @param purgeBatch            chats forgotten per statement
 */
@Validated
@ConfigurationProperties("bread-bot.privacy")
public record PrivacyProperties(
        @DefaultValue("30d") @NotNull Duration retentionAfterRemoval,
        @DefaultValue("1h") @NotNull Duration purgeInterval,
        @DefaultValue("100") @Min(1) int purgeBatch) {
}

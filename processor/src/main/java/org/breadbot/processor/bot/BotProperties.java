package org.breadbot.processor.bot;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the bot is addressed and how it answers (spec §10). The original variables {@code BOT_NAME},
 * {@code ALTER_NAMES}, {@code MESSAGE_LEN_LIMIT} and {@code IGNORED_USERS} are mapped onto these properties in
 * {@code processor.yml}.
 *
 * @param name            the primary addressing word, shown in help and examples
 * @param alterNames      the comma-separated extra addressing words, used verbatim (no trimming)
 * @param messageLenLimit the longest text message; longer answers are split
 * @param ignoredUsers    Telegram user ids that never get automatic answers (commands still work)
 */
@Validated
@ConfigurationProperties("bread-bot.bot")
public record BotProperties(
        @DefaultValue("Хлеб") @NotBlank String name,
        @DefaultValue("хлебушек,хлеб,bread_bot") String alterNames,
        @DefaultValue("4096") @Min(1) int messageLenLimit,
        @DefaultValue List<Long> ignoredUsers) {

    public BotProperties {
        alterNames = alterNames == null ? "" : alterNames;
        ignoredUsers = ignoredUsers == null ? List.of() : List.copyOf(ignoredUsers);
    }

    /** The lower-cased name followed by every non-empty alternative name (spec §2.3). */
    public List<String> addressingWords() {
        List<String> words = new ArrayList<>();
        words.add(name.toLowerCase(Locale.ROOT));
        for (String alter : alterNames.split(",")) {
            if (!alter.isEmpty()) {
                words.add(alter);
            }
        }
        return words;
    }

    /** True when automatic answers must skip this Telegram user. */
    public boolean isIgnored(long telegramUserId) {
        return ignoredUsers.contains(telegramUserId);
    }
}

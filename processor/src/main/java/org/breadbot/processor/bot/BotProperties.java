package org.breadbot.processor.bot;

import jakarta.validation.Valid;
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
 * @param quotas          how much one chat may store (docs/commands.md, "Quotas")
 * @param caches          how much of the chats' data the processor keeps in memory
 */
@Validated
@ConfigurationProperties("bread-bot.bot")
public record BotProperties(
        @DefaultValue("Хлеб") @NotBlank String name,
        @DefaultValue("хлебушек,хлеб,bread_bot") String alterNames,
        @DefaultValue("4096") @Min(1) int messageLenLimit,
        @DefaultValue List<Long> ignoredUsers,
        @DefaultValue @Valid Quotas quotas,
        @DefaultValue @Valid Caches caches) {

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

    /**
     * Whether trigger, substring, morph, voice and edit answers may go to this sender: never to an ignored user,
     * and never to a bot (another bot, or this one seen through a forward), since two bots answering each other's
     * triggers loop until a rate limit stops them. Commands from either still work.
     */
    public boolean answersAutomatically(org.breadbot.common.telegram.User sender) {
        return !sender.isBot() && !isIgnored(sender.id());
    }

    /**
     * How much one chat may store. A chat already holding more (data from before a quota, or from an operator) keeps
     * it; only growth is refused, with a reply that names the limit. docs/commands.md says why these defaults.
     *
     * @param keys             keys per chat and kind (triggers, substrings)
     * @param answersPerKey    answers one key may have
     * @param valueLength      characters of one text answer: the longest message Telegram delivers
     * @param dictionaryWords  words of the chat's nonsense dictionary; automatic and asked-for nonsense use at most
     *                         this many (the first added), however many are stored
     * @param wordLength       characters of one dictionary word
     * @param phrases          phrases per chat and kind (insults, answers to edits)
     * @param members          members tracked per chat (for кто, топ, all and стата); later newcomers still talk
     *                         to the bot, but are not picked, called or counted
     * @param mentions         members one {@code all} calls: the most recently active, in messages of 100
     */
    public record Quotas(
            @DefaultValue("1000") @Min(1) int keys,
            @DefaultValue("50") @Min(1) int answersPerKey,
            @DefaultValue("4096") @Min(1) int valueLength,
            @DefaultValue("2000") @Min(1) int dictionaryWords,
            @DefaultValue("100") @Min(1) int wordLength,
            @DefaultValue("200") @Min(1) int phrases,
            @DefaultValue("10000") @Min(1) int members,
            @DefaultValue("300") @Min(1) int mentions) {
    }

    /**
     * What the processor keeps of the chats' data in memory, least recently used first out; each entry is checked
     * against the version the chat's rows carry, so a cache never serves what another write changed.
     *
     * @param substringForms   key forms held, for substring matching, over all packs
     * @param dictionaryForms  word forms of expanded nonsense dictionaries held, over all chats
     */
    public record Caches(
            @DefaultValue("300000") @Min(0) long substringForms,
            @DefaultValue("500000") @Min(0) long dictionaryForms) {
    }
}

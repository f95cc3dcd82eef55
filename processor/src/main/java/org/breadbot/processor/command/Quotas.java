package org.breadbot.processor.command;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.DictionaryStore;
import org.breadbot.processor.store.PhraseKind;
import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How much one chat may store (docs/commands.md, "Quotas"; {@link BotProperties.Quotas}): each check answers the
 * user-visible reason, naming the limit, why something may not be added, or nothing when it may. Only growth is
 * refused: a chat above a quota keeps what it has, and may still delete.
 */
@Component
class Quotas {

    private final AnswerEntityStore answers;
    private final DictionaryStore dictionary;
    private final ChatPhraseStore phrases;
    private final BotProperties.Quotas quotas;

    Quotas(AnswerEntityStore answers, DictionaryStore dictionary, ChatPhraseStore phrases, BotProperties properties) {
        this.answers = answers;
        this.dictionary = dictionary;
        this.phrases = phrases;
        this.quotas = properties.quotas();
    }

    /** Why a text answer of this length may not be stored. */
    Optional<String> value(String value) {
        return value != null && value.codePointCount(0, value.length()) > quotas.valueLength()
                ? Optional.of("Ответ не может быть длиннее " + quotas.valueLength() + " символов")
                : Optional.empty();
    }

    /** Why one more answer under each of these (lower-cased) keys may not be stored in the pack. */
    Mono<Optional<String>> answers(long packId, ReactionType type, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return answers.countAnswers(packId, type, keys).flatMap(counts -> {
            Optional<String> full = keys.stream()
                    .filter(key -> counts.getOrDefault(key, 0L) >= quotas.answersPerKey())
                    .findFirst()
                    .map(key -> "Не добавлено: у ключа «" + shortened(key) + "» может быть не больше "
                            + quotas.answersPerKey() + " ответов");
            if (full.isPresent()) {
                return Mono.just(full);
            }
            long newKeys = keys.stream().filter(key -> !counts.containsKey(key)).count();
            if (newKeys == 0) {
                return Mono.just(Optional.<String>empty());
            }
            return answers.countKeys(packId, type).map(existing -> existing + newKeys > quotas.keys()
                    ? Optional.of(tooMany("в чате может быть не больше " + quotas.keys() + " "
                            + (type == ReactionType.TRIGGER ? "триггеров" : "подстрок"), existing, newKeys))
                    : Optional.empty());
        });
    }

    /** Why a dictionary word may not be added, by its length alone. */
    Optional<String> word(String word) {
        return word.codePointCount(0, word.length()) > quotas.wordLength()
                ? Optional.of("Слово не может быть длиннее " + quotas.wordLength() + " символов")
                : Optional.empty();
    }

    /** Why this many new words may not be added to the chat's dictionary. */
    Mono<Optional<String>> words(long chatRowId, List<String> words) {
        Optional<String> tooLong = words.stream().map(this::word).flatMap(Optional::stream).findFirst();
        if (tooLong.isPresent()) {
            return Mono.just(tooLong);
        }
        return dictionary.count(chatRowId).map(existing -> existing + words.size() > quotas.dictionaryWords()
                ? Optional.of(tooMany("в словаре бреда может быть не больше " + quotas.dictionaryWords() + " слов",
                        existing, words.size()))
                : Optional.empty());
    }

    /** Why one more phrase of this kind may not be added to the chat. */
    Mono<Optional<String>> phrase(long chatRowId, PhraseKind kind) {
        return phrases.count(chatRowId, kind).map(existing -> existing >= quotas.phrases()
                ? Optional.of("Не добавлено: " + (kind == PhraseKind.INSULT ? "оскорблений" : "ответов на редактирование")
                        + " в чате может быть не больше " + quotas.phrases())
                : Optional.empty());
    }

    private static String tooMany(String limit, long existing, long adding) {
        String text = "Не добавлено: " + limit + ", уже " + existing;
        return adding > 1 ? text + ", а добавляется " + adding : text;
    }

    private static String shortened(String key) {
        return key.codePointCount(0, key.length()) <= 50 ? key : key.substring(0, key.offsetByCodePoints(0, 50)) + "…";
    }
}

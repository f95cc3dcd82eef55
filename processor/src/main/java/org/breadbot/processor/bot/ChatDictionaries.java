package org.breadbot.processor.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.breadbot.processor.morph.NonsenseDictionary;
import org.breadbot.processor.morph.NonsenseGenerator;
import org.breadbot.processor.store.ChatRow;
import org.breadbot.processor.store.DictionaryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each chat's nonsense dictionary, expanded for the generator (spec §6.2) and kept under the chat's dictionary
 * version, which every write of its words moves (schema 008): a message of a chat whose dictionary did not change
 * costs neither a query nor an expansion, whatever the dictionary's size. At most the first
 * {@code quotas.dictionary-words} words are used, so the cost of the expansion after a change stays bounded even for
 * a chat that stored more; the cache holds at most {@code caches.dictionary-forms} forms, least recently used
 * chats first out.
 */
@Component
public class ChatDictionaries {

    private final DictionaryStore store;
    private final NonsenseGenerator generator;
    private final int maxWords;
    private final Cache<Long, Expanded> expanded;

    ChatDictionaries(DictionaryStore store, NonsenseGenerator generator, BotProperties properties) {
        this.store = store;
        this.generator = generator;
        this.maxWords = properties.quotas().dictionaryWords();
        this.expanded = Caffeine.newBuilder()
                .maximumWeight(properties.caches().dictionaryForms())
                .weigher((Long chat, Expanded entry) -> Math.max(1, entry.dictionary().size()))
                .build();
    }

    private record Expanded(long version, NonsenseDictionary dictionary) {
    }

    /** The chat's dictionary as the generator uses it; {@link NonsenseDictionary#isEmpty()} when it has no words. */
    public Mono<NonsenseDictionary> of(ChatRow chat) {
        Expanded cached = expanded.getIfPresent(chat.id());
        if (cached != null && cached.version() == chat.dictionaryVersion()) {
            return Mono.just(cached.dictionary());
        }
        return store.firstWords(chat.id(), maxWords)
                .map(read -> {
                    NonsenseDictionary dictionary = generator.dictionary(read.words());
                    expanded.put(chat.id(), new Expanded(read.version(), dictionary));
                    return dictionary;
                });
    }
}

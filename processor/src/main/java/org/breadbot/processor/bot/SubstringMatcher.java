package org.breadbot.processor.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Set;
import org.breadbot.processor.pipeline.Budget;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.ReactionType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the substring answers a text hits (spec §5.5 steps 2–5), without any chance gate.
 *
 * <p>Each pack's keys are kept as a {@link SubstringIndex} under the pack's version, which every write of its
 * answers moves (schema 008): a message of a chat whose keys did not change costs no query unless a key matches,
 * and its cost does not grow with the number of keys. The index is rebuilt, once, after a write; the cache holds
 * at most {@code bread-bot.bot.caches.substring-forms} forms, least recently used packs first out.
 */
@Component
public class SubstringMatcher {

    /** Forms shorter than this never match, the key itself included (spec §5.5 step 3). */
    static final int MIN_FORM_LENGTH = 3;

    private final AnswerEntityStore entities;
    private final Morphology morphology;
    private final Cache<Long, Indexed> indexes;

    SubstringMatcher(AnswerEntityStore entities, ObjectProvider<Morphology> morphology, BotProperties properties) {
        this.entities = entities;
        this.morphology = morphology.getIfAvailable(Morphology::identity);
        this.indexes = Caffeine.newBuilder()
                .maximumWeight(properties.caches().substringForms())
                .weigher((Long pack, Indexed indexed) -> Math.max(1, indexed.index().forms()))
                .build();
    }

    /** A pack's index and the version it was built at. */
    private record Indexed(long version, SubstringIndex index) {
    }

    /** Every substring entity of the pack whose key, or a form of it, stands space-delimited in the text. */
    public Mono<List<AnswerEntity>> answersFor(AnswerPack pack, String text, Budget budget) {
        return index(pack, budget)
                .map(index -> index.keysIn(text, budget))
                .flatMap(keys -> keys.isEmpty() ? Mono.just(List.<AnswerEntity>of())
                        : entities.byKeys(pack.id(), ReactionType.SUBSTRING, keys).collectList());
    }

    /** {@link #answersFor(AnswerPack, String, Budget)} without a time limit. */
    public Mono<List<AnswerEntity>> answersFor(AnswerPack pack, String text) {
        return answersFor(pack, text, Budget.unlimited());
    }

    private Mono<SubstringIndex> index(AnswerPack pack, Budget budget) {
        Indexed cached = indexes.getIfPresent(pack.id());
        if (cached != null && cached.version() == pack.version()) {
            return Mono.just(cached.index());
        }
        return entities.keysWithVersion(pack.id(), ReactionType.SUBSTRING)
                .map(read -> {
                    SubstringIndex index = SubstringIndex.of(read.keys(), morphology, budget);
                    indexes.put(pack.id(), new Indexed(read.version(), index));
                    return index;
                })
                .defaultIfEmpty(SubstringIndex.of(Set.of(), morphology, budget));
    }
}

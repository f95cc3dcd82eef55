package org.breadbot.processor.morph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.Set;
import org.breadbot.processor.morph.Parse.LexemeId;

/**
 * Caches analyses, lexemes and substring form sets, so that matching a message against a chat's keys or
 * expanding its nonsense dictionary costs hash look-ups (microseconds) instead of dictionary walks. Bounded by
 * entry count and by the number of forms held, since a verb lexeme has some 150 forms.
 */
final class CachedMorphology implements RussianMorphology {

    private final RussianMorphology analyser;
    private final Cache<String, List<Parse>> analyses;
    private final Cache<LexemeId, List<WordForm>> lexemes;
    private final Cache<String, Set<String>> forms;

    CachedMorphology(RussianMorphology analyser, MorphologyProperties limits) {
        this.analyser = analyser;
        this.analyses = Caffeine.newBuilder().maximumSize(limits.cachedWords()).recordStats().build();
        this.lexemes = Caffeine.newBuilder()
                .maximumWeight(limits.cachedForms())
                .weigher((LexemeId id, List<WordForm> lexeme) -> lexeme.size())
                .recordStats()
                .build();
        this.forms = Caffeine.newBuilder()
                .maximumWeight(limits.cachedForms())
                .weigher((String word, Set<String> set) -> set.size())
                .recordStats()
                .build();
    }

    @Override
    public List<Parse> analyse(String word) {
        return analyses.get(word, analyser::analyse);
    }

    @Override
    public List<WordForm> lexeme(Parse parse) {
        if (!parse.lexemeId().inDictionary()) {
            return analyser.lexeme(parse);
        }
        return lexemes.get(parse.lexemeId(), id -> analyser.lexeme(parse));
    }

    @Override
    public Set<String> forms(String word) {
        return forms.get(word, RussianMorphology.super::forms);
    }

    /** Size, hit and miss meters of the three caches ({@code cache.*} tagged {@code cache=morphology.*}). */
    void registerMetrics(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, analyses, "morphology.analyses");
        CaffeineCacheMetrics.monitor(registry, lexemes, "morphology.lexemes");
        CaffeineCacheMetrics.monitor(registry, forms, "morphology.forms");
    }

    /** Runs pending evictions now; Caffeine otherwise does it in the background. */
    void cleanUp() {
        analyses.cleanUp();
        lexemes.cleanUp();
        forms.cleanUp();
    }

    /** Analysed words, lexeme forms and substring forms currently held. */
    long[] held() {
        return new long[] {analyses.estimatedSize(), weight(lexemes), weight(forms)};
    }

    private static long weight(Cache<?, ?> cache) {
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }
}

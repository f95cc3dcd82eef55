package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache answers repeated questions without walking the dictionaries again. */
class CachedMorphologyTest {

    private final CountingMorphology counting = new CountingMorphology();
    private final CachedMorphology cached = new CachedMorphology(counting, new MorphologyProperties(100, 10_000));

    @Test
    void repeatedAnalysesLexemesAndFormsAreServedFromTheCache() {
        for (int i = 0; i < 5; i++) {
            assertThat(cached.forms("слово")).contains("словами");
            assertThat(cached.lexeme("слово")).hasSize(12);
            assertThat(cached.analyse("слово")).isNotEmpty();
        }

        assertThat(counting.analyses.get()).isEqualTo(1);
        assertThat(counting.lexemes.get()).isEqualTo(1);
    }

    @Test
    void differentWordsOfOneLexemeShareTheCachedLexeme() {
        cached.lexeme("слово");
        cached.lexeme("словами");

        assertThat(counting.analyses.get()).isEqualTo(2);
        assertThat(counting.lexemes.get()).isEqualTo(1);
    }

    @Test
    void cachedAnswersEqualUncachedOnes() {
        for (String word : List.of("слово", "делаю", "голова", "кринжовый", "2022", "после")) {
            assertThat(cached.analyse(word)).isEqualTo(Dictionaries.UNCACHED.analyse(word));
            assertThat(cached.lexeme(word)).isEqualTo(Dictionaries.UNCACHED.lexeme(word));
            assertThat(cached.forms(word)).isEqualTo(Dictionaries.UNCACHED.forms(word));
        }
    }

    @Test
    void theCacheStaysWithinItsBounds() {
        CachedMorphology small = new CachedMorphology(counting, new MorphologyProperties(2, 200));
        for (String word : List.of("слово", "дело", "тело", "село", "крыло", "делать", "прыгать", "бежать")) {
            small.forms(word);
            small.lexeme(word);
        }

        small.cleanUp();

        long[] held = small.held();
        assertThat(held[0]).isLessThanOrEqualTo(2);
        assertThat(held[1]).isLessThanOrEqualTo(200);
        assertThat(held[2]).isLessThanOrEqualTo(200);
    }

    @Test
    void cacheMetricsAreRegistered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        cached.registerMetrics(registry);
        cached.forms("слово");
        cached.forms("слово");

        assertThat(registry.find("cache.gets").tag("cache", "morphology.forms").tag("result", "hit")
                .functionCounter().count()).isEqualTo(1.0);
        assertThat(registry.find("cache.size").tag("cache", "morphology.lexemes").gauge()).isNotNull();
    }

    private static final class CountingMorphology implements RussianMorphology {
        final AtomicInteger analyses = new AtomicInteger();
        final AtomicInteger lexemes = new AtomicInteger();

        @Override
        public List<Parse> analyse(String word) {
            analyses.incrementAndGet();
            return Dictionaries.UNCACHED.analyse(word);
        }

        @Override
        public List<WordForm> lexeme(Parse parse) {
            lexemes.incrementAndGet();
            return Dictionaries.UNCACHED.lexeme(parse);
        }
    }
}

package org.breadbot.processor.morph;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cached versus uncached morphology, side by side in one run (docs/morphology.md has the figures and the
 * command). Not a test: Surefire runs only {@code *Test} classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class FormsBenchmark {

    /** Substring keys of a chat: nouns, adjectives, verbs, one unknown word, one Latin key. */
    private static final List<String> KEYS = List.of("слово", "делаю", "батарейки", "красивая", "голова", "кот",
            "писать", "говорил", "кринжовый", "my_key");
    private static final String MESSAGE = "Только после 1830 Пушкин вплотную занялся прозой, говорил он мне";
    private static final List<String> DICTIONARY = List.of("зариф", "прыгать", "мягкий", "2022", "голова", "до");

    private DictionaryMorphology uncached;
    private CachedMorphology cached;
    private NonsenseGenerator cachedGenerator;
    private NonsenseGenerator uncachedGenerator;
    private NonsenseDictionary cachedDictionary;
    private int next;

    @Setup
    public void load() {
        uncached = new DictionaryMorphology(AotDictionary.load());
        cached = new CachedMorphology(uncached, new MorphologyProperties(100_000, 500_000));
        NonsenseRandom random = NonsenseRandom.uniform(new Random(1)::nextInt);
        cachedGenerator = new NonsenseGenerator(cached, random);
        uncachedGenerator = new NonsenseGenerator(uncached, random);
        KEYS.forEach(cached::forms);
        cachedDictionary = cachedGenerator.dictionary(DICTIONARY);
        cachedGenerator.generate(MESSAGE, 1, cachedDictionary);
    }

    private String nextKey() {
        next = (next + 1) % KEYS.size();
        return KEYS.get(next);
    }

    /** What substring matching pays per key with the cache warm. */
    @Benchmark
    public Object formsCached() {
        return cached.forms(nextKey());
    }

    /** The same without the cache: analysis plus a walk of the synthesis automaton for the whole lexeme. */
    @Benchmark
    public Object formsUncached() {
        return uncached.forms(nextKey());
    }

    /** Analysis alone, uncached. */
    @Benchmark
    public Object analyseUncached() {
        return uncached.analyse(nextKey());
    }

    /** One automatic-nonsense message: the chat's expanded six-word dictionary kept (ChatDictionaries), replace. */
    @Benchmark
    public Object nonsenseMessageCached() {
        return cachedGenerator.generate(MESSAGE, 1, cachedDictionary);
    }

    /** The same with nothing cached: the dictionary is expanded again and every picked word analysed. */
    @Benchmark
    public Object nonsenseMessageUncached() {
        return uncachedGenerator.generate(MESSAGE, 1, NonsenseDictionary.expand(uncached, DICTIONARY));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(FormsBenchmark.class.getSimpleName()).build()).run();
    }
}

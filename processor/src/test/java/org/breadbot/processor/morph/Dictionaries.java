package org.breadbot.processor.morph;

/** One loaded analyser per test JVM: the dictionaries take a few hundred milliseconds to read. */
final class Dictionaries {

    static final DictionaryMorphology UNCACHED = new DictionaryMorphology(AotDictionary.load());

    private Dictionaries() {
    }

    static RussianMorphology cached() {
        return new CachedMorphology(UNCACHED, new MorphologyProperties(10_000, 100_000));
    }
}

package org.breadbot.processor.morph;

import java.util.function.IntUnaryOperator;

/**
 * The two random choices of the nonsense generator (spec §6.3), separate so that tests can force which words are
 * tried without also fixing which dictionary form replaces them.
 */
public interface NonsenseRandom {

    /** Which word token an attempt tries: a uniform index in [0, words), with replacement. */
    int wordIndex(int words);

    /** Which of the dictionary forms with the right grammatical slot replaces it: uniform in [0, forms). */
    int formIndex(int forms);

    /** Both choices uniform from one source of {@code nextInt(bound)}, e.g. {@code RandomSource::nextInt}. */
    static NonsenseRandom uniform(IntUnaryOperator nextInt) {
        return new NonsenseRandom() {
            @Override
            public int wordIndex(int words) {
                return nextInt.applyAsInt(words);
            }

            @Override
            public int formIndex(int forms) {
                return nextInt.applyAsInt(forms);
            }
        };
    }
}

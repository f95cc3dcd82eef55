package org.breadbot.processor.bot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Every random choice of the bot goes through here, so tests can seed it (spec §5.7: all choices uniform). */
public interface RandomSource {

    /** A uniform double in [0, 1). */
    double nextDouble();

    /** A uniform integer in [0, bound). */
    int nextInt(int bound);

    /** A uniform integer in [min, max], both ends included. */
    default int between(int min, int maxInclusive) {
        return min + nextInt(maxInclusive - min + 1);
    }

    /** A uniformly chosen element of a non-empty list. */
    default <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("Nothing to pick from");
        }
        return items.get(nextInt(items.size()));
    }

    /** A uniformly shuffled copy. */
    default <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, nextInt(i + 1));
        }
        return copy;
    }

    /** The production source: thread-local, unseeded. */
    static RandomSource threadLocal() {
        return of(ThreadLocalRandom::current);
    }

    /** A reproducible source for tests. */
    static RandomSource seeded(long seed) {
        Random random = new Random(seed);
        return of(() -> random);
    }

    private static RandomSource of(Supplier<RandomGenerator> generator) {
        return new RandomSource() {
            @Override
            public double nextDouble() {
                return generator.get().nextDouble();
            }

            @Override
            public int nextInt(int bound) {
                return generator.get().nextInt(bound);
            }
        };
    }
}

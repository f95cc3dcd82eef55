package org.breadbot.processor.bot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * A seeded random source whose next integers or doubles can be scripted; unscripted draws come from the seed.
 * Scripted integers are reduced modulo the bound, so a test can say "pick index 2".
 */
public final class TestRandom implements RandomSource {

    private final Deque<Integer> ints = new ArrayDeque<>();
    private final Deque<Double> doubles = new ArrayDeque<>();
    private Random random = new Random(42);

    /** Forgets the script and restarts the seeded sequence. */
    public synchronized void reset(long seed) {
        ints.clear();
        doubles.clear();
        random = new Random(seed);
    }

    public synchronized TestRandom nextInts(int... values) {
        for (int value : values) {
            ints.add(value);
        }
        return this;
    }

    public synchronized TestRandom nextDoubles(double... values) {
        for (double value : values) {
            doubles.add(value);
        }
        return this;
    }

    @Override
    public synchronized double nextDouble() {
        return doubles.isEmpty() ? random.nextDouble() : doubles.poll();
    }

    @Override
    public synchronized int nextInt(int bound) {
        return ints.isEmpty() ? random.nextInt(bound) : Math.floorMod(ints.poll(), bound);
    }
}

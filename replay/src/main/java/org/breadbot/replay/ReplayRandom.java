package org.breadbot.replay;

import java.util.Random;
import org.breadbot.processor.bot.RandomSource;

/**
 * The bot's randomness during a replay: re-seeded before every update from the run's seed, the chat and the
 * update id, so an update draws the same numbers in every run of the same seed however the slice is cut, and a
 * difference between two runs comes from the logic, not from chance.
 */
final class ReplayRandom implements RandomSource {

    private final long seed;
    private volatile Random random;

    ReplayRandom(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    void startUpdate(long chatId, long updateId) {
        long mixed = seed;
        mixed = mixed * 0x9E3779B97F4A7C15L + chatId;
        mixed = mixed * 0x9E3779B97F4A7C15L + updateId;
        random = new Random(mixed);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}

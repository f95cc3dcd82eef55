package org.breadbot.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how big each scenario's phases are. {@code quick} keeps the whole run within five minutes on two
 * cores; {@code full} measures long enough for steady state and stable tails.
 *
 * @param warmUp            posting before each measured window, not recorded (JIT, pools, caches)
 * @param measure           a measured window
 * @param chats             chats in the population
 * @param processorUpdates  updates preloaded for the processor scenario
 * @param scalingUpdates    updates preloaded for each step of the scaling scenario
 * @param saturationUpdates updates posted as fast as possible in the end-to-end saturation phase
 * @param senderWindow      the measured window of each sender step
 * @param ingressWarmUp     load before the ingress measurements, for the JIT of each server
 * @param scalingSteps      the processor's consumer thread counts the scaling scenario measures
 */
record Plan(String name, Duration warmUp, Duration measure, int chats, int processorUpdates, int scalingUpdates,
        int saturationUpdates, Duration senderWindow, Duration ingressWarmUp, List<Integer> scalingSteps) {

    static Plan quick() {
        // sized so that the whole run stays near five minutes: most of its time is JVM start-ups and backlogs
        // draining, so fewer chats (a shorter teaching phase) and smaller backlogs; 1, 2 and 4 threads as the
        // issue asks, 6 (the default) only in full
        return new Plan("quick", Duration.ofSeconds(2), Duration.ofSeconds(5), 300, 3_000, 1_500, 2_000,
                Duration.ofSeconds(6), Duration.ofSeconds(6), List.of(1, 2, 4));
    }

    static Plan full() {
        return new Plan("full", Duration.ofSeconds(10), Duration.ofSeconds(30), 1_000, 40_000, 15_000, 30_000,
                Duration.ofSeconds(60), Duration.ofSeconds(30), List.of(1, 2, 4, 6));
    }

    static Plan named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("mode must be quick or full, not " + name);
        };
    }

    Duration phase() {
        return warmUp.plus(measure);
    }
}

package org.breadbot.bench.telegram;

import java.time.Duration;

/**
 * A token-bucket limit: {@code messages} per {@code period}, up to {@code burst} at once. Telegram publishes only
 * the rates (telegram-bot-api.md §8.1); the bursts are the ones the sender is configured with.
 */
public record Rate(int messages, Duration period, int burst) {

    public Rate {
        if (messages < 1 || period.isNegative() || period.isZero() || burst < 1) {
            throw new IllegalArgumentException("a rate needs messages ≥ 1, a positive period and burst ≥ 1");
        }
    }

    public double perSecond() {
        return messages / (period.toNanos() / 1e9);
    }

    /** The most messages this limit lets through in {@code seconds}, starting with a full bucket. */
    public double capacity(double seconds) {
        return burst + perSecond() * seconds;
    }

    @Override
    public String toString() {
        return messages + "/" + period.toSeconds() + "s (burst " + burst + ")";
    }
}

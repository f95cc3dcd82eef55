package org.breadbot.replay;

import java.time.Instant;

/**
 * A range of record timestamps: {@code from} inclusive, {@code to} exclusive; null ends are open.
 *
 * @param from first instant included, or null for the oldest record kept
 * @param to   first instant excluded, or null for the end of the topic at start
 */
record TimeRange(Instant from, Instant to) {

    static final TimeRange ALL = new TimeRange(null, null);

    boolean contains(long timestamp) {
        return (from == null || timestamp >= fromMillis()) && (to == null || timestamp < toMillis());
    }

    /** The first whole millisecond at or after {@code from} (record timestamps are milliseconds). */
    long fromMillis() {
        return ceilMillis(from);
    }

    /** The first whole millisecond at or after {@code to}: a record earlier than it is earlier than {@code to}. */
    long toMillis() {
        return ceilMillis(to);
    }

    private static long ceilMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }
}

package org.breadbot.bench.infra;

import java.time.Duration;

/** Sleeping without checked exceptions: the bench has nothing useful to do when interrupted but stop. */
public final class Sleep {

    private Sleep() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static void of(Duration duration) {
        millis(duration.toMillis());
    }
}

package org.breadbot.sender;

import java.time.Duration;
import java.time.Instant;

/**
 * What the delivery of one reply has used up so far, carried across its waits, also while it is parked.
 *
 * @param failures         calls that failed with a 5xx or a timeout; at {@code retry.max-attempts} the reply is
 *                         dead-lettered
 * @param unreachableSince when the Bot API stopped taking connections for this reply, or null; after
 *                         {@code retry.unreachable-max-elapsed} the reply is dead-lettered
 * @param queuedBehind     replies of the same chat queued behind this one in memory when its delivery began
 */
record DeliveryAttempt(int failures, Instant unreachableSince, int queuedBehind) {

    /** A reply not tried yet, with nothing behind it. */
    static final DeliveryAttempt FIRST = new DeliveryAttempt(0, null, 0);

    static DeliveryAttempt first(int queuedBehind) {
        return new DeliveryAttempt(0, null, queuedBehind);
    }

    DeliveryAttempt failed() {
        return new DeliveryAttempt(failures + 1, null, queuedBehind);
    }

    DeliveryAttempt unreachable(Instant now) {
        return new DeliveryAttempt(failures, unreachableSince == null ? now : unreachableSince, queuedBehind);
    }

    /**
     * How long to wait before the next connection attempt: as long as the Bot API has been unreachable so far,
     * between {@code min} and {@code max}, so the waits double while an outage lasts.
     */
    Duration unreachableWait(Instant now, Duration min, Duration max) {
        Duration waited = unreachableSince == null ? Duration.ZERO
                : Duration.between(unreachableSince, now);
        return waited.compareTo(min) < 0 ? min : waited.compareTo(max) > 0 ? max : waited;
    }
}

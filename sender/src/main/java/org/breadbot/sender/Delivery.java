package org.breadbot.sender;

import java.time.Instant;

/**
 * What became of one delivery: its outcome and, when it must wait longer than the sender waits in memory
 * ({@link DeliveryOutcome#PARKED}), when it continues, with what its attempts used up, and why it waits.
 */
record Delivery(DeliveryOutcome outcome, DeliveryAttempt attempt, Instant dueAt, String reason) {

    static Delivery of(DeliveryOutcome outcome) {
        return new Delivery(outcome, null, null, null);
    }

    static Delivery parked(DeliveryAttempt attempt, Instant dueAt, String reason) {
        return new Delivery(DeliveryOutcome.PARKED, attempt, dueAt, reason);
    }

    boolean isParked() {
        return outcome == DeliveryOutcome.PARKED;
    }
}

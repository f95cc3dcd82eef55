package org.breadbot.sender;

/**
 * What a delivery asks its record before it does something visible outside the sender (a Bot API call, a dead
 * letter): once the record's partition is revoked, the next owner handles the record, and doing it here too would
 * send it twice.
 */
interface DeliveryGuard {

    /** Starts a side effect; false when the record must be given up instead. */
    boolean beginSideEffect();

    /** Ends the side effect started by {@link #beginSideEffect()}; idempotent. */
    void endSideEffect();

    /** True once the record's partition has been revoked. */
    boolean isRevoked();
}

package org.breadbot.sender;

/**
 * Signals that a delivery stopped without effect: its partition was revoked or the sender stopped. Not an error;
 * the record stays uncommitted and is delivered again by whoever owns the partition next.
 */
final class ReplyAbandoned extends RuntimeException {

    ReplyAbandoned() {
        super("delivery abandoned", null, false, false);
    }
}

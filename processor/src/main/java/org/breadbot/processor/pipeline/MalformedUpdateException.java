package org.breadbot.processor.pipeline;

/** A record whose value cannot be a Telegram update; it is dead-lettered at once, never retried. */
final class MalformedUpdateException extends IllegalArgumentException {

    MalformedUpdateException(String message) {
        super(message);
    }
}

package org.breadbot.processor.integration;

/** A service's answer could not be used; it counts as a failure for the circuit breaker but is never retried. */
final class GarbageException extends RuntimeException {

    GarbageException(String message) {
        super(message, null, false, false);
    }
}

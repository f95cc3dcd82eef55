package org.breadbot.processor.integration;

/** What asking an outside service came to; failures are values, so every command can answer something. */
public sealed interface Fetched<T> {

    /** The service answered something usable. */
    record Success<T>(T value) implements Fetched<T> {
    }

    /**
     * The service could not be asked or did not answer in time: not configured, connection refused, timeout, a 4xx
     * or 5xx status after the retries, or its circuit breaker open.
     */
    record Unavailable<T>(String reason) implements Fetched<T> {
    }

    /** The service answered, but nothing usable: a body that does not parse, lacks the content, or is huge. */
    record Garbage<T>(String reason) implements Fetched<T> {
    }
}

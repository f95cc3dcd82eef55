package org.breadbot.processor.integration;

/** A non-2xx answer; 5xx, 408 and 429 are worth another attempt. */
final class HttpStatusException extends RuntimeException {

    private final int status;

    HttpStatusException(int status) {
        super("HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    boolean isTransient() {
        return status >= 500 || status == 408 || status == 429;
    }
}

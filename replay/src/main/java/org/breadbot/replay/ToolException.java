package org.breadbot.replay;

/** A failure the user can act on: printed as one line, without a stack trace, exit code 1. */
final class ToolException extends RuntimeException {

    ToolException(String message) {
        super(message);
    }

    ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.breadbot.sender;

/** A record of the replies topic that is not a deliverable reply command (a poison record). */
final class InvalidReplyException extends RuntimeException {

    InvalidReplyException(String message) {
        super(message, null, false, false);
    }
}

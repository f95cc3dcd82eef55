package org.breadbot.sender;

import java.time.Instant;

/** The reply's chat blocked the bot (403) before the reply was made, so it was not sent. */
final class ChatBlockedException extends RuntimeException {

    ChatBlockedException(long chatId, Instant blockedAt) {
        super("chat " + chatId + " blocked the bot at " + blockedAt + "; reply not sent", null, false, false);
    }
}

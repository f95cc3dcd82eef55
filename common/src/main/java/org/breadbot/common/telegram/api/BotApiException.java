package org.breadbot.common.telegram.api;

import org.breadbot.common.secret.Secrets;

/**
 * A failed Bot API call. Subclasses say what a well-behaved client does about it (telegram-bot-api.md §7).
 * Messages name the method, never the URL, so the token cannot leak through them.
 */
public class BotApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final String description;

    public BotApiException(String method, int errorCode, String description) {
        this(method, errorCode, description, null);
    }

    public BotApiException(String method, int errorCode, String description, Throwable cause) {
        super(method + " failed: " + errorCode + " " + Secrets.mask(description), cause, false, false);
        this.method = method;
        this.errorCode = errorCode;
        this.description = Secrets.mask(description);
    }

    /** The Bot API method that failed. */
    public String method() {
        return method;
    }

    /** Telegram's {@code error_code} (the HTTP status), or 0 when no answer came. */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's {@code description}, tokens masked. */
    public String description() {
        return description;
    }

    /** True when repeating the same call later may succeed. */
    public boolean isTransient() {
        return false;
    }

    /** 429: wait {@link #retryAfter()} and send again; not a failure. */
    public static final class RetryAfter extends BotApiException {
        private final java.time.Duration retryAfter;

        public RetryAfter(String method, String description, java.time.Duration retryAfter) {
            super(method, 429, description);
            this.retryAfter = retryAfter;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** 400 with {@code migrate_to_chat_id}: the group became a supergroup; send to {@link #newChatId()}. */
    public static final class MigratedChat extends BotApiException {
        private final long newChatId;

        public MigratedChat(String method, String description, long newChatId) {
            super(method, 400, description);
            this.newChatId = newChatId;
        }

        public long newChatId() {
            return newChatId;
        }
    }

    /** Any other 400: permanent, never resend unchanged. */
    public static final class BadRequest extends BotApiException {
        public BadRequest(String method, int errorCode, String description) {
            super(method, errorCode, description);
        }

        /** "message to be replied not found": worth one resend without the reply. */
        public boolean isReplyTargetMissing() {
            return description() != null && description().contains("message to be replied not found");
        }

        /** "message thread not found": the forum topic was deleted; worth one resend to the General topic. */
        public boolean isThreadMissing() {
            return description() != null && description().contains("message thread not found");
        }
    }

    /** 403: the bot was blocked or kicked; permanent for that chat. */
    public static final class Forbidden extends BotApiException {
        public Forbidden(String method, String description) {
            super(method, 403, description);
        }
    }

    /** 401: the token is wrong or revoked; fatal for every call. */
    public static final class Unauthorized extends BotApiException {
        public Unauthorized(String method, String description) {
            super(method, 401, description);
        }
    }

    /** 409: a webhook is set while polling, or two pollers run. */
    public static final class Conflict extends BotApiException {
        public Conflict(String method, String description) {
            super(method, 409, description);
        }
    }

    /** 5xx or a garbled answer: transient, retry with back-off. */
    public static final class ServerError extends BotApiException {
        public ServerError(String method, int errorCode, String description) {
            super(method, errorCode, description);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /**
     * No answer in time, or the connection failed. Transient; the call may or may not have taken effect,
     * so a retry can duplicate a message.
     */
    public static final class Timeout extends BotApiException {

        private final boolean notConnected;

        /** The cause is described, not kept: transport exceptions carry the request URL, hence the token. */
        public Timeout(String method, Throwable cause) {
            super(method, 0, cause == null ? "no answer"
                    : cause.getClass().getSimpleName() + ": " + Secrets.mask(cause.getMessage()));
            this.notConnected = isConnectFailure(cause);
        }

        /**
         * True when no connection could be made at all (refused, no route, unknown host): the request never left,
         * so repeating it cannot send anything twice.
         */
        public boolean notConnected() {
            return notConnected;
        }

        private static boolean isConnectFailure(Throwable cause) {
            for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
                if (failure instanceof java.net.ConnectException || failure instanceof java.net.NoRouteToHostException
                        || failure instanceof java.net.UnknownHostException
                        || failure instanceof java.nio.channels.UnresolvedAddressException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }
}

package org.breadbot.common.kafka;

/** Names of the Kafka record headers bread-bot writes (architecture §3). Values are UTF-8 strings. */
public final class Headers {

    /** The Telegram {@code update_id} of the update, decimal. */
    public static final String UPDATE_ID = "update-id";

    /** The kind of update: the name of its one optional field ({@code message}, {@code edited_message}, ...). */
    public static final String UPDATE_TYPE = "update-type";

    /** The chat id the record belongs to, decimal; absent when the update has no chat. */
    public static final String CHAT_ID = "chat-id";

    /** When ingress received the update, epoch milliseconds, decimal. */
    public static final String RECEIVED_AT = "received-at";

    /** How ingress got the update: {@code webhook} or {@code polling}. */
    public static final String SOURCE = "source";

    /** W3C trace context of the update's trace. */
    public static final String TRACEPARENT = "traceparent";

    /** On a dead letter: the class name of the error that sent it there. */
    public static final String ERROR_CLASS = "error-class";

    /** On a dead letter: the error's message, secrets masked. */
    public static final String ERROR_MESSAGE = "error-message";

    /** Value of {@link #SOURCE} for updates received on the webhook. */
    public static final String SOURCE_WEBHOOK = "webhook";

    /** Value of {@link #SOURCE} for updates fetched with getUpdates. */
    public static final String SOURCE_POLLING = "polling";

    private Headers() {
    }
}

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

    /** How the update was got: {@code webhook} or {@code polling} (ingress), {@code tdesktop} (an import). */
    public static final String SOURCE = "source";

    /** W3C trace context of the update's trace. */
    public static final String TRACEPARENT = "traceparent";

    /** On a dead letter: the class name of the error that sent it there. */
    public static final String ERROR_CLASS = "error-class";

    /** On a dead letter: the error's message, secrets masked. */
    public static final String ERROR_MESSAGE = "error-message";

    /** On a dead letter: what kind of failure sent it there ({@code poison}, {@code over-budget}, ...). */
    public static final String ERROR_KIND = "error-kind";

    /** Value of {@link #SOURCE} for updates received on the webhook. */
    public static final String SOURCE_WEBHOOK = "webhook";

    /** Value of {@link #SOURCE} for updates fetched with getUpdates. */
    public static final String SOURCE_POLLING = "polling";

    /** Value of {@link #SOURCE} for messages imported from a Telegram Desktop export. */
    public static final String SOURCE_TDESKTOP = "tdesktop";

    private Headers() {
    }

    /** The last value of header {@code name} as UTF-8 text, or null when it is absent. */
    public static String text(org.apache.kafka.common.header.Headers headers, String name) {
        org.apache.kafka.common.header.Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The last value of a decimal header ({@link #UPDATE_ID}, {@link #RECEIVED_AT}, ...), or null. */
    public static Long number(org.apache.kafka.common.header.Headers headers, String name) {
        return number(text(headers, name));
    }

    /** A decimal number, or null when the text is absent or anything else (headers and keys are untrusted). */
    public static Long number(String text) {
        if (text == null || text.isBlank() || text.length() > 21) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}

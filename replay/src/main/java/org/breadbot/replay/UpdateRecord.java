package org.breadbot.replay;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.telegram.UpdateEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One record of an update topic as the tool sees it: where it sits, its headers as text, and its value parsed
 * when it is an update. A value that is not a JSON object with an integer {@code update_id} (a poison record,
 * a tombstone, bytes from a foreign producer) keeps {@link #update()} and {@link #envelope()} empty and its
 * raw text in {@link #raw()}.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the offset
 * @param timestamp the record timestamp, epoch milliseconds
 * @param headers   the headers as text ({@link HeaderValues})
 * @param key       the key as text, or null
 * @param raw       the value as UTF-8 text, or null for a tombstone
 * @param update    the parsed update, or null when the value is not one
 * @param envelope  id, type, chat and user of the update, or null when the value is not one
 */
record UpdateRecord(
        String topic,
        int partition,
        long offset,
        long timestamp,
        Map<String, String> headers,
        String key,
        String raw,
        JsonNode update,
        UpdateEnvelope envelope) {

    static UpdateRecord of(ConsumerRecord<byte[], byte[]> record) {
        JsonNode update = parse(record.value());
        UpdateEnvelope envelope = UpdateEnvelope.of(update).orElse(null);
        return new UpdateRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                HeaderValues.asText(record.headers()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                envelope == null ? null : update,
                envelope);
    }

    /** The {@code update-type} header, else the type read from the value, else empty. */
    Optional<String> updateType() {
        String header = headers.get(Headers.UPDATE_TYPE);
        if (header != null) {
            return Optional.of(header);
        }
        return envelope == null ? Optional.empty() : Optional.of(envelope.type());
    }

    /** The chat read from the value, else the {@code chat-id} header, else empty. */
    OptionalLong chatId() {
        if (envelope != null && envelope.chatId().isPresent()) {
            return envelope.chatId();
        }
        return parseLong(headers.get(Headers.CHAT_ID));
    }

    /** The acting user ({@code from.id} and equivalents), else empty. */
    OptionalLong userId() {
        return envelope == null ? OptionalLong.empty() : envelope.userId();
    }

    /** The update id read from the value, else the {@code update-id} header, else empty. */
    OptionalLong updateId() {
        return envelope != null ? OptionalLong.of(envelope.updateId()) : parseLong(headers.get(Headers.UPDATE_ID));
    }

    /** The object of the update's one kind ({@code message}, {@code edited_message}, ...), or null. */
    JsonNode body() {
        return update == null ? null : update.get(envelope.type());
    }

    private static JsonNode parse(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(value);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static OptionalLong parseLong(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

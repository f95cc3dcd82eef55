package org.breadbot.sender;

import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.breadbot.common.json.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The table {@code parked_replies} (schema 009, docs/sender.md "Parked chats"): records of chats that wait, kept
 * exactly as they came from {@code telegram.replies} (key, value, headers), with what their delivery has used up
 * so far and when to try again.
 */
@Component
class ParkedReplies {

    private static final String COLUMNS = "id, topic, source_partition, source_offset, chat_key, record_timestamp,"
            + " value, headers, failures, unreachable_since, due_at";
    private static final TypeReference<List<List<String>>> HEADER_PAIRS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    ParkedReplies(DatabaseClient db) {
        this.db = db;
    }

    /** A parked record, what its delivery used up, and when it is due. */
    record Parked(long id, ConsumerRecord<String, byte[]> record, DeliveryAttempt attempt, Instant dueAt) {
    }

    /**
     * Parks a chat's records: the first with what its delivery used up and when it is due, the others (the chat's
     * later records) as new and due at once, in two statements whatever their number; a record parked before stays
     * as it was.
     */
    Mono<Void> park(String chatKey, ConsumerRecord<String, byte[]> first, DeliveryAttempt attempt, Instant due,
            List<ConsumerRecord<String, byte[]>> later) {
        return insert(first, chatKey, attempt, due).then(insertAll(later, chatKey)).then();
    }

    private Mono<Long> insert(ConsumerRecord<String, byte[]> record, String chatKey, DeliveryAttempt attempt,
            Instant due) {
        return db.sql("INSERT INTO parked_replies (topic, source_partition, source_offset, chat_key, record_timestamp,"
                        + " value, headers, failures, unreachable_since, due_at)"
                        + " VALUES (:topic, :partition, :offset, :chat, :timestamp, decode(:value, 'base64'), :headers,"
                        + " :failures, :unreachableSince, :due)"
                        + " ON CONFLICT ON CONSTRAINT parked_replies_record_uq DO NOTHING")
                .bind("topic", record.topic())
                .bind("partition", record.partition())
                .bind("offset", record.offset())
                .bind("chat", chatKey)
                .bind("timestamp", record.timestamp())
                .bind("value", Parameter.fromOrEmpty(base64(record.value()), String.class))
                .bind("headers", headers(record))
                .bind("failures", attempt.failures())
                .bind("unreachableSince", Parameter.fromOrEmpty(utc(attempt.unreachableSince()), OffsetDateTime.class))
                .bind("due", utc(due))
                .fetch()
                .rowsUpdated();
    }

    /** Records of one partition and chat, as new and due at once, in one statement. */
    private Mono<Long> insertAll(List<ConsumerRecord<String, byte[]>> records, String chatKey) {
        if (records.isEmpty()) {
            return Mono.just(0L);
        }
        ConsumerRecord<String, byte[]> first = records.get(0);
        return db.sql("INSERT INTO parked_replies (topic, source_partition, source_offset, chat_key, record_timestamp,"
                        + " value, headers, failures, unreachable_since, due_at)"
                        + " SELECT :topic, :partition, r.o, :chat, r.t, decode(r.v, 'base64'), r.h, 0, NULL, now()"
                        + " FROM unnest(:offsets, :timestamps, :values, :headers) AS r(o, t, v, h)"
                        + " ON CONFLICT ON CONSTRAINT parked_replies_record_uq DO NOTHING")
                .bind("topic", first.topic())
                .bind("partition", first.partition())
                .bind("chat", chatKey)
                .bind("offsets", records.stream().map(ConsumerRecord::offset).toArray(Long[]::new))
                .bind("timestamps", records.stream().map(ConsumerRecord::timestamp).toArray(Long[]::new))
                .bind("values", records.stream().map(record -> base64(record.value())).toArray(String[]::new))
                .bind("headers", records.stream().map(ParkedReplies::headers).toArray(String[]::new))
                .fetch()
                .rowsUpdated();
    }

    private static String base64(byte[] value) {
        return value == null ? null : Base64.getEncoder().encodeToString(value);
    }

    /** The chats of a partition that have parked records. */
    Flux<String> chatsOf(String topic, int partition) {
        return db.sql("SELECT DISTINCT chat_key FROM parked_replies WHERE topic = :topic AND source_partition = :partition")
                .bind("topic", topic)
                .bind("partition", partition)
                .map(row -> row.get("chat_key", String.class))
                .all();
    }

    /** The chat's parked record that comes first, by offset. */
    Mono<Parked> oldest(String topic, int partition, String chatKey) {
        return db.sql("SELECT " + COLUMNS + " FROM parked_replies WHERE topic = :topic AND source_partition = :partition"
                        + " AND chat_key = :chat ORDER BY source_offset LIMIT 1")
                .bind("topic", topic)
                .bind("partition", partition)
                .bind("chat", chatKey)
                .map(ParkedReplies::parked)
                .one();
    }

    /** What the record's delivery used up, and when it is due again. */
    Mono<Void> reschedule(long id, DeliveryAttempt attempt, Instant due) {
        return db.sql("UPDATE parked_replies SET failures = :failures, unreachable_since = :unreachableSince,"
                        + " due_at = :due WHERE id = :id")
                .bind("id", id)
                .bind("failures", attempt.failures())
                .bind("unreachableSince", Parameter.fromOrEmpty(utc(attempt.unreachableSince()), OffsetDateTime.class))
                .bind("due", utc(due))
                .then();
    }

    /** The record is finished (delivered, a duplicate, or dead-lettered). */
    Mono<Void> delete(long id) {
        return db.sql("DELETE FROM parked_replies WHERE id = :id").bind("id", id).then();
    }

    Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM parked_replies").map(row -> row.get("n", Long.class)).one();
    }

    private static Parked parked(Readable row) {
        java.nio.ByteBuffer value = row.get("value", java.nio.ByteBuffer.class);
        byte[] bytes = null;
        if (value != null) {
            bytes = new byte[value.remaining()];
            value.get(bytes);
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(row.get("topic", String.class),
                row.get("source_partition", Integer.class), row.get("source_offset", Long.class),
                row.get("record_timestamp", Long.class), TimestampType.CREATE_TIME, -1, bytes == null ? -1 : bytes.length,
                row.get("chat_key", String.class), bytes, headers(row.get("headers", String.class)), Optional.empty());
        OffsetDateTime unreachable = row.get("unreachable_since", OffsetDateTime.class);
        return new Parked(row.get("id", Long.class), record,
                new DeliveryAttempt(row.get("failures", Integer.class), unreachable == null ? null
                        : unreachable.toInstant(), 0),
                row.get("due_at", OffsetDateTime.class).toInstant());
    }

    /** The record's headers as {@code [[name, base64 value], ...]}, in order, duplicates kept. */
    private static String headers(ConsumerRecord<String, byte[]> record) {
        List<List<String>> pairs = new ArrayList<>();
        for (Header header : record.headers()) {
            pairs.add(List.of(header.key(), header.value() == null ? ""
                    : Base64.getEncoder().encodeToString(header.value())));
        }
        return Json.mapper().writeValueAsString(pairs);
    }

    private static RecordHeaders headers(String json) {
        RecordHeaders headers = new RecordHeaders();
        if (json == null) {
            return headers;
        }
        Collection<List<String>> pairs = Json.mapper().readValue(json, HEADER_PAIRS);
        for (List<String> pair : pairs) {
            headers.add(pair.get(0), Base64.getDecoder().decode(pair.get(1).getBytes(StandardCharsets.US_ASCII)));
        }
        return headers;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

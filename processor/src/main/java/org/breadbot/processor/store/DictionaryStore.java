package org.breadbot.processor.store;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A chat's nonsense dictionary (spec §6.2, table {@code dictionary_entities}); values are compared exactly. */
@Repository
public class DictionaryStore {

    private final DatabaseClient db;

    DictionaryStore(DatabaseClient db) {
        this.db = db;
    }

    /** Words one chunk of {@link #wordsInOrder} reads. */
    static final int CHUNK = 1000;

    /** The chat's words in insertion order, read {@value #CHUNK} at a time as they are consumed. */
    public Flux<String> wordsInOrder(long chatRowId) {
        return wordsAfter(chatRowId, 0)
                .expand(chunk -> chunk.size() < CHUNK ? Mono.empty()
                        : wordsAfter(chatRowId, chunk.get(chunk.size() - 1).id()))
                .concatMapIterable(chunk -> chunk)
                .map(Word::value);
    }

    private record Word(long id, String value) {
    }

    private Mono<List<Word>> wordsAfter(long chatRowId, long afterId) {
        return db.sql("SELECT id, value FROM dictionary_entities WHERE chat_id = :chat AND is_active AND id > :after"
                        + " ORDER BY id LIMIT :chunk")
                .bind("chat", chatRowId)
                .bind("after", afterId)
                .bind("chunk", CHUNK)
                .map(row -> new Word(Rows.longValue(row, "id"), Rows.string(row, "value")))
                .all()
                .collectList();
    }

    /** The chat's words in insertion order. */
    public Mono<List<String>> words(long chatRowId) {
        return db.sql("SELECT value FROM dictionary_entities WHERE chat_id = :chat AND is_active ORDER BY id")
                .bind("chat", chatRowId)
                .map(row -> row.get("value", String.class))
                .all()
                .collectList();
    }

    /**
     * The chat's first {@code limit} words in insertion order, with the chat's dictionary version as of the same
     * snapshot, so that what is built from them can be kept under that version.
     */
    public Mono<VersionedWords> firstWords(long chatRowId, int limit) {
        return db.sql("SELECT c.dictionary_version, w.value FROM chats c LEFT JOIN LATERAL (SELECT value, id"
                        + " FROM dictionary_entities WHERE chat_id = c.id AND is_active ORDER BY id LIMIT :limit) w"
                        + " ON TRUE WHERE c.id = :chat ORDER BY w.id")
                .bind("chat", chatRowId)
                .bind("limit", limit)
                .map(row -> new VersionedRow(Rows.longValue(row, "dictionary_version"), Rows.string(row, "value")))
                .all()
                .collectList()
                .map(rows -> new VersionedWords(rows.isEmpty() ? 0 : rows.get(0).version(), VersionedRow.values(rows)));
    }

    /** Words of a chat's dictionary and the chat's dictionary version they were read at. */
    public record VersionedWords(long version, List<String> words) {
    }

    /** Which of these exact values the chat's dictionary already holds. */
    public Mono<java.util.Set<String>> existing(long chatRowId, java.util.Collection<String> values) {
        return db.sql("SELECT DISTINCT value FROM dictionary_entities WHERE chat_id = :chat AND value = ANY(:values)")
                .bind("chat", chatRowId)
                .bind("values", values.toArray(String[]::new))
                .map(row -> Rows.string(row, "value"))
                .all()
                .collect(java.util.stream.Collectors.toSet());
    }

    /** How many words the chat's dictionary holds. */
    public Mono<Long> count(long chatRowId) {
        return db.sql("SELECT count(*) AS n FROM dictionary_entities WHERE chat_id = :chat")
                .bind("chat", chatRowId)
                .map(row -> Rows.longValue(row, "n"))
                .one();
    }

    /** Adds the word unless the chat already has exactly this value; true when it was added. */
    public Mono<Boolean> add(long chatRowId, String value, LocalDateTime now) {
        return db.sql("INSERT INTO dictionary_entities (chat_id, value, is_active, created_at, updated_at)"
                        + " SELECT :chat, :value, TRUE, :now, :now WHERE NOT EXISTS"
                        + " (SELECT 1 FROM dictionary_entities WHERE chat_id = :chat AND value = :value)")
                .bind("chat", chatRowId)
                .bind("value", value)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Deletes every row of the chat with exactly this value; returns how many. */
    public Mono<Long> delete(long chatRowId, String value) {
        return db.sql("DELETE FROM dictionary_entities WHERE chat_id = :chat AND value = :value")
                .bind("chat", chatRowId)
                .bind("value", value)
                .fetch()
                .rowsUpdated();
    }
}

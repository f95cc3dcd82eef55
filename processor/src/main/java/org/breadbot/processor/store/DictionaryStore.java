package org.breadbot.processor.store;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** A chat's nonsense dictionary (spec §6.2, table {@code dictionary_entities}); values are compared exactly. */
@Repository
public class DictionaryStore {

    private final DatabaseClient db;

    DictionaryStore(DatabaseClient db) {
        this.db = db;
    }

    /** The chat's words in insertion order. */
    public Mono<List<String>> words(long chatRowId) {
        return db.sql("SELECT value FROM dictionary_entities WHERE chat_id = :chat AND is_active ORDER BY id")
                .bind("chat", chatRowId)
                .map(row -> row.get("value", String.class))
                .all()
                .collectList();
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

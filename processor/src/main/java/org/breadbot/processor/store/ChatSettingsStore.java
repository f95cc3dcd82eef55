package org.breadbot.processor.store;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The toggles {@code голосовые} and {@code редактирование} on the chat row (spec §4.3.1, §9.2). */
@Repository
public class ChatSettingsStore {

    private final DatabaseClient db;

    ChatSettingsStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ChatSettings> settings(long chatRowId) {
        return db.sql("SELECT is_voice_trigger, is_edited_trigger FROM chats WHERE id = :id")
                .bind("id", chatRowId)
                .map(row -> new ChatSettings(Rows.booleanValue(row, "is_voice_trigger"),
                        Rows.booleanValue(row, "is_edited_trigger")))
                .one();
    }

    /** Flips the voice toggle; emits its new state. */
    public Mono<Boolean> toggleVoiceReactions(long chatRowId, LocalDateTime now) {
        return toggle("is_voice_trigger", chatRowId, now);
    }

    /** Flips the edit toggle; emits its new state. */
    public Mono<Boolean> toggleEditReactions(long chatRowId, LocalDateTime now) {
        return toggle("is_edited_trigger", chatRowId, now);
    }

    private Mono<Boolean> toggle(String column, long chatRowId, LocalDateTime now) {
        return db.sql("UPDATE chats SET " + column + " = NOT " + column + ", updated_at = :now WHERE id = :id"
                        + " RETURNING " + column)
                .bind("id", chatRowId)
                .bind("now", now)
                .map(row -> Rows.booleanValue(row, column))
                .one();
    }
}

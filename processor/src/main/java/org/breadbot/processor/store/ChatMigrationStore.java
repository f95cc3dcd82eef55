package org.breadbot.processor.store;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A group that became a supergroup: everything it owns moves to the new chat id, once, by the schema's
 * {@code bread_bot_migrate_chat} (changelog 011).
 */
@Repository
public class ChatMigrationStore {

    private final DatabaseClient db;

    ChatMigrationStore(DatabaseClient db) {
        this.db = db;
    }

    /** Moves the chat's data from {@code oldChatId} to {@code newChatId}; false when that was done before. */
    public Mono<Boolean> migrate(long oldChatId, long newChatId) {
        return db.sql("SELECT bread_bot_migrate_chat(:old, :new) AS moved")
                .bind("old", oldChatId)
                .bind("new", newChatId)
                .map(row -> Boolean.TRUE.equals(row.get("moved", Boolean.class)))
                .one();
    }
}

package org.breadbot.sender;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Groups that became supergroups (table {@code chat_delivery_migration}): Telegram answers 400 with
 * {@code migrate_to_chat_id}, and every later reply for the old id goes to the new one.
 */
@Component
class ChatMigrations {

    private final DatabaseClient db;

    ChatMigrations(DatabaseClient db) {
        this.db = db;
    }

    /** The id to send to: the new id of a migrated chat, else the id itself. */
    Mono<Long> currentId(long chatId) {
        return db.sql("SELECT new_chat_id FROM chat_delivery_migration WHERE old_chat_id = :chat")
                .bind("chat", chatId)
                .map(row -> row.get("new_chat_id", Long.class))
                .first()
                .defaultIfEmpty(chatId);
    }

    Mono<Void> remember(long oldChatId, long newChatId) {
        return db.sql("""
                        INSERT INTO chat_delivery_migration (old_chat_id, new_chat_id, migrated_at)
                        VALUES (:old, :new, now())
                        ON CONFLICT (old_chat_id) DO UPDATE SET new_chat_id = EXCLUDED.new_chat_id,
                            migrated_at = now()""")
                .bind("old", oldChatId)
                .bind("new", newChatId)
                .then();
    }
}

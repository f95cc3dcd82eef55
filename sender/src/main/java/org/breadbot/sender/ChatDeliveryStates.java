package org.breadbot.sender;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.breadbot.common.secret.Secrets;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Chats Telegram refused for good (table {@code chat_delivery_state}): {@code blocked} after a 403 (blocked,
 * kicked, deactivated), {@code not_found} after "chat not found". A reply made before its chat was marked blocked
 * is dead-lettered without a call; a reply made later means the chat spoke to the bot again, so it is tried.
 */
@Component
class ChatDeliveryStates {

    static final String BLOCKED = "blocked";
    static final String NOT_FOUND = "not_found";

    private static final int MAX_DESCRIPTION = 500;

    private final DatabaseClient db;

    ChatDeliveryStates(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> mark(long chatId, String status, String description) {
        return db.sql("""
                        INSERT INTO chat_delivery_state (chat_id, status, description, updated_at)
                        VALUES (:chat, :status, :description, now())
                        ON CONFLICT (chat_id) DO UPDATE
                        SET status = EXCLUDED.status, description = EXCLUDED.description, updated_at = now()""")
                .bind("chat", chatId)
                .bind("status", status)
                .bind("description", shortened(description))
                .then();
    }

    /** When the chat was marked blocked, or empty when it is not. */
    Mono<Instant> blockedSince(long chatId) {
        return db.sql("SELECT updated_at FROM chat_delivery_state WHERE chat_id = :chat AND status = :status")
                .bind("chat", chatId)
                .bind("status", BLOCKED)
                .map(row -> row.get("updated_at", OffsetDateTime.class).toInstant())
                .first();
    }

    private static String shortened(String description) {
        String masked = Secrets.mask(description == null ? "" : description);
        return masked.length() <= MAX_DESCRIPTION ? masked : masked.substring(0, MAX_DESCRIPTION);
    }
}

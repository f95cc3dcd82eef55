package org.breadbot.processor.store;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * When the bot left a chat, and deleting a chat's or a person's data (docs/privacy.md). The deleting itself is done
 * by the schema's {@code bread_bot_forget_chat} and {@code bread_bot_forget_user} (changelog 010), which the
 * operator's {@code bread-bot-replay forget} calls too.
 */
@Repository
public class ForgettingStore {

    private final DatabaseClient db;

    ForgettingStore(DatabaseClient db) {
        this.db = db;
    }

    /** The bot was removed from the chat: its data is due for purging a retention period after {@code now}. */
    public Mono<Void> botRemoved(long chatId, LocalDateTime now) {
        return db.sql("UPDATE chats SET bot_removed_at = :now WHERE chat_id = :chat AND bot_removed_at IS NULL")
                .bind("chat", chatId)
                .bind("now", now)
                .then();
    }

    /** The bot is back in the chat: nothing is purged. */
    public Mono<Void> botAdded(long chatId) {
        return db.sql("UPDATE chats SET bot_removed_at = NULL WHERE chat_id = :chat AND bot_removed_at IS NOT NULL")
                .bind("chat", chatId)
                .then();
    }

    /**
     * Forgets up to {@code limit} chats the bot was removed from before {@code cutoff}; the number forgotten. The
     * rows are locked and skipped when locked, so instances purging at once never wait on each other, and a chat
     * the bot is being added back to is either forgotten first or not at all.
     */
    public Mono<Long> forgetRemovedBefore(LocalDateTime cutoff, int limit) {
        return db.sql("SELECT count(bread_bot_forget_chat(chat_id)) AS forgotten FROM (SELECT chat_id FROM chats"
                        + " WHERE bot_removed_at < :cutoff ORDER BY bot_removed_at LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED) due")
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .map(row -> Rows.longValue(row, "forgotten"))
                .one();
    }
}

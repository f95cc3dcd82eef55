package org.breadbot.processor.pipeline;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The de-duplication table: an update id (within its chat) is applied only by the transaction that inserts it. */
final class ProcessedUpdates {

    private final DatabaseClient db;

    ProcessedUpdates(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records the update as processed.
     *
     * @return true when this call inserted it, false when it was already there (a redelivery). A concurrent
     *         insert of the same id waits for the other transaction and then sees it.
     */
    Mono<Boolean> markProcessed(long updateId, long chatId) {
        return db.sql("""
                        INSERT INTO processed_updates (update_id, chat_id, processed_at)
                        VALUES ($1, $2, now())
                        ON CONFLICT DO NOTHING""")
                .bind(0, updateId)
                .bind(1, chatId)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    /** Forgets ids older than {@code retention}; returns how many. */
    Mono<Long> purgeOlderThan(Duration retention) {
        return db.sql("DELETE FROM processed_updates WHERE processed_at < now() - $1 * interval '1 millisecond'")
                .bind(0, retention.toMillis())
                .fetch()
                .rowsUpdated();
    }
}

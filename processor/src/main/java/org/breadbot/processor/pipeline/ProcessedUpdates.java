package org.breadbot.processor.pipeline;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The de-duplication table: an update id (within its chat) is applied only by the transaction that inserts it. */
final class ProcessedUpdates {

    /** Rows deleted by one purge statement. */
    static final int PURGE_BATCH = 10_000;

    private final DatabaseClient db;
    private final boolean mutationOff;

    /**
     * @param mutationOff the fault suite's mutation check: every update counts as new, so that the suite can show
     *                    it sees an update applied twice ({@code bread-bot.processor.dedup.mutation-off})
     */
    ProcessedUpdates(DatabaseClient db, boolean mutationOff) {
        this.db = db;
        this.mutationOff = mutationOff;
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
                .map(inserted -> inserted == 1 || mutationOff);
    }

    /**
     * Forgets ids older than {@code retention}, {@link #PURGE_BATCH} rows per statement so that a day of a busy
     * bot's ids never makes one statement run into {@code statement_timeout}; returns how many.
     */
    Mono<Long> purgeOlderThan(Duration retention) {
        return purgeBatch(retention)
                .expand(deleted -> deleted == PURGE_BATCH ? purgeBatch(retention) : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> purgeBatch(Duration retention) {
        return db.sql("DELETE FROM processed_updates WHERE ctid IN (SELECT ctid FROM processed_updates"
                        + " WHERE processed_at < now() - $1 * interval '1 millisecond' LIMIT $2)")
                .bind(0, retention.toMillis())
                .bind(1, PURGE_BATCH)
                .fetch()
                .rowsUpdated();
    }
}

package org.breadbot.sender;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The replies Telegram has accepted, by {@code ReplyCommand.id()} (table {@code delivery_log}). Checked before
 * every call and written after Telegram's 2xx, before the record's offset can be committed, so a record delivered
 * again after a restart or a rebalance is recognised and not sent twice.
 */
@Component
class DeliveryLog {

    /** Rows deleted by one purge statement. */
    static final int PURGE_BATCH = 10_000;

    private final DatabaseClient db;

    DeliveryLog(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> contains(String replyId) {
        return db.sql("SELECT 1 FROM delivery_log WHERE reply_id = :id")
                .bind("id", replyId)
                .map(row -> 1)
                .first()
                .hasElement();
    }

    /** Idempotent: a second insert of the same reply changes nothing. */
    Mono<Void> record(String replyId, long chatId, long messageId) {
        return db.sql("""
                        INSERT INTO delivery_log (reply_id, chat_id, message_id, delivered_at)
                        VALUES (:id, :chat, :message, now())
                        ON CONFLICT (reply_id) DO NOTHING""")
                .bind("id", replyId)
                .bind("chat", chatId)
                .bind("message", messageId)
                .then();
    }

    /**
     * Deletes the rows older than {@code retention}, {@link #PURGE_BATCH} per statement so that none runs into
     * {@code statement_timeout}; returns how many.
     */
    Mono<Long> purgeOlderThan(Duration retention) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return purge(() -> purgeLogBatch(cutoff)).zipWith(purge(() -> purgeClaimsBatch(cutoff)), Long::sum);
    }

    private static Mono<Long> purge(java.util.function.Supplier<Mono<Long>> batch) {
        return Mono.defer(batch)
                .expand(deleted -> deleted == PURGE_BATCH ? Mono.defer(batch) : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> purgeLogBatch(OffsetDateTime cutoff) {
        return db.sql("DELETE FROM delivery_log WHERE reply_id IN (SELECT reply_id FROM delivery_log"
                        + " WHERE delivered_at < :cutoff LIMIT :batch)")
                .bind("cutoff", cutoff)
                .bind("batch", PURGE_BATCH)
                .fetch()
                .rowsUpdated();
    }

    /** The claims ({@link DeliveryClaims}) of replies older than the log's retention are kept no longer. */
    private Mono<Long> purgeClaimsBatch(OffsetDateTime cutoff) {
        return db.sql("DELETE FROM delivery_claims WHERE reply_id IN (SELECT reply_id FROM delivery_claims"
                        + " WHERE claimed_at < :cutoff LIMIT :batch)")
                .bind("cutoff", cutoff)
                .bind("batch", PURGE_BATCH)
                .fetch()
                .rowsUpdated();
    }
}

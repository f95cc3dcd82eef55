package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of the {@code outbox} table. Reads that lock must run inside a transaction. */
final class Outbox {

    private static final String COLUMNS = "id, reply_id, chat_id, update_id, payload::text AS payload, "
            + "headers::text AS headers";

    private final DatabaseClient db;

    Outbox(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the replies in order, so that ascending ids follow their positions. */
    Mono<Void> store(List<ReplyCommand> replies) {
        return store(replies, CarriedHeaders.NONE);
    }

    /** {@link #store(List)}, with the headers the replies' records carry on from their update. */
    Mono<Void> store(List<ReplyCommand> replies, CarriedHeaders carried) {
        String headers = carried.toJson();
        return Flux.fromIterable(replies).concatMap(reply -> insert(reply, headers)).then();
    }

    private Mono<Long> insert(ReplyCommand reply, String headers) {
        return db.sql("""
                        INSERT INTO outbox (reply_id, chat_id, update_id, payload, headers)
                        VALUES ($1, $2, $3, CAST($4 AS jsonb), CAST($5 AS jsonb))
                        ON CONFLICT (reply_id) DO NOTHING""")
                .bind(0, reply.id())
                .bind(1, reply.chatId())
                .bind(2, reply.updateId())
                .bind(3, Json.mapper().writeValueAsString(reply))
                .bind(4, Parameter.fromOrEmpty(headers, String.class))
                .fetch()
                .rowsUpdated();
    }

    /**
     * Every pending row of the chats, in id order, locked; waits for whoever holds any of them (keeps chat order).
     * Rows are locked in id order, so two flushes of overlapping chats cannot deadlock.
     */
    Flux<OutboxRow> lockChats(Collection<Long> chatIds) {
        return db.sql("SELECT " + COLUMNS + " FROM outbox WHERE chat_id = ANY($1) ORDER BY id FOR UPDATE")
                .bind(0, chatIds.toArray(Long[]::new))
                .map((row, meta) -> row(row))
                .all();
    }

    /** Up to {@code limit} rows older than {@code minAge}, oldest first, skipping rows others hold. */
    Flux<OutboxRow> lockStale(Duration minAge, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM outbox"
                        + " WHERE created_at < now() - $1 * interval '1 millisecond'"
                        + " ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED")
                .bind(0, minAge.toMillis())
                .bind(1, limit)
                .map((row, meta) -> row(row))
                .all();
    }

    /** Ids of all pending rows of these chats up to {@code maxId}, locked or not, ascending. */
    Flux<PendingId> pendingIds(Collection<Long> chatIds, long maxId) {
        return db.sql("SELECT id, chat_id FROM outbox WHERE chat_id = ANY($1) AND id <= $2 ORDER BY id")
                .bind(0, chatIds.toArray(Long[]::new))
                .bind(1, maxId)
                .map((row, meta) -> new PendingId(row.get("id", Long.class), row.get("chat_id", Long.class)))
                .all();
    }

    Mono<Long> delete(Collection<Long> ids) {
        return db.sql("DELETE FROM outbox WHERE id = ANY($1)")
                .bind(0, ids.toArray(Long[]::new))
                .fetch()
                .rowsUpdated();
    }

    Mono<Long> countPending() {
        return db.sql("SELECT count(*) AS pending FROM outbox")
                .map((row, meta) -> row.get("pending", Long.class))
                .one();
    }

    private static OutboxRow row(io.r2dbc.spi.Readable row) {
        return new OutboxRow(
                row.get("id", Long.class),
                row.get("reply_id", String.class),
                row.get("chat_id", Long.class),
                row.get("update_id", Long.class),
                row.get("payload", String.class),
                CarriedHeaders.fromJson(row.get("headers", String.class)));
    }

    /** A pending row's place in its chat's queue. */
    record PendingId(long id, long chatId) {
    }
}

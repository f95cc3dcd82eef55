package org.breadbot.bench;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.time.Duration;
import org.breadbot.bench.infra.Database;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The database's ceiling for the processor: the minimum writes one update costs, with nothing else. Per update one
 * transaction inserts a {@code processed_updates} row (the exactly-once marker) and an {@code outbox} row (the
 * reply), in tables shaped like the processor's; {@code concurrency} connections work at once, as the processor's
 * consumer threads do.
 */
final class BareR2dbcLoop {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS processed_updates (update_id bigint NOT NULL, chat_id bigint NOT NULL,
                processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (update_id, chat_id));
            CREATE TABLE IF NOT EXISTS outbox (id bigserial PRIMARY KEY, reply_id varchar(200) NOT NULL UNIQUE,
                chat_id bigint NOT NULL, update_id bigint NOT NULL, payload jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            """;
    private static final String PAYLOAD = "{\"method\":\"SEND_MESSAGE\",\"text\":\"Сделал\"}";

    private BareR2dbcLoop() {
    }

    /** Updates per second for {@code updates} updates. */
    static double run(Database database, int updates, int concurrency) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder().host(database.host()).port(database.port())
                        .database(database.name()).username(database.user()).password(database.password())
                        .build());
        Mono.usingWhen(factory.create(), connection -> connection.createStatement(SCHEMA).execute()
                .flatMap(result -> result.getRowsUpdated()).then(), PostgresqlConnection::close)
                .block(Duration.ofMinutes(1));
        int perWorker = Math.max(1, updates / concurrency);
        long base = System.currentTimeMillis() * 1000;
        long started = System.nanoTime();
        Flux.range(0, concurrency)
                .flatMap(worker -> Mono.usingWhen(factory.create(),
                        connection -> Flux.range(0, perWorker)
                                .concatMap(i -> apply(connection, base + (long) worker * perWorker + i, -100L - i % 1000))
                                .then(),
                        PostgresqlConnection::close), concurrency)
                .blockLast(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - started) / 1e9;
        return perWorker * (double) concurrency / seconds;
    }

    private static Mono<Void> apply(PostgresqlConnection connection, long updateId, long chatId) {
        return connection.beginTransaction()
                .then(connection.createStatement("INSERT INTO processed_updates (update_id, chat_id) VALUES ($1, $2)")
                        .bind(0, updateId).bind(1, chatId).execute().flatMap(result -> result.getRowsUpdated())
                        .then())
                .then(connection.createStatement("INSERT INTO outbox (reply_id, chat_id, update_id, payload) "
                                + "VALUES ($1, $2, $3, $4::jsonb)")
                        .bind(0, chatId + ":" + updateId + ":0").bind(1, chatId).bind(2, updateId).bind(3, PAYLOAD)
                        .execute().flatMap(result -> result.getRowsUpdated()).then())
                .then(connection.commitTransaction());
    }
}

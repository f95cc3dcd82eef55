package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/**
 * Readiness follows what the processor needs (Kafka and PostgreSQL; Liquibase has run before the web server starts
 * at all), while liveness stays UP: an orchestrator stops routing to the instance but does not restart it for an
 * outage that a restart cannot fix.
 */
class ReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessFollowsKafkaAndPostgresWhileLivenessStaysUp() throws Exception {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        TestDatabase database = TestPostgres.newDatabase();
        try (ConfigurableApplicationContext processor = PipelineTestApplication.start(database, Map.of())) {
            String base = "http://127.0.0.1:" + processor.getEnvironment().getProperty("local.server.port");
            awaitStatus(base + "/actuator/health/readiness", 200);
            assertThat(body(base + "/actuator/health/readiness")).contains("\"r2dbc\"").contains("\"kafka\"");

            TestKafka.stop();
            try {
                awaitStatus(base + "/actuator/health/readiness", 503);
                assertThat(body(base + "/actuator/health/readiness")).contains("\"kafka\":{\"status\":\"DOWN\"");
                assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
            } finally {
                TestKafka.start();
            }
            awaitStatus(base + "/actuator/health/readiness", 200);

            allowConnections(database, false);
            try {
                awaitStatus(base + "/actuator/health/readiness", 503);
                assertThat(body(base + "/actuator/health/readiness")).contains("\"r2dbc\":{\"status\":\"DOWN\"");
                assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
            } finally {
                allowConnections(database, true);
            }
            awaitStatus(base + "/actuator/health/readiness", 200);
        }
    }

    @Test
    void readinessAnswersWhileThePoolHasNoConnectionToSpare() throws Exception {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        TestDatabase database = TestPostgres.newDatabase();
        try (ConfigurableApplicationContext processor = PipelineTestApplication.start(database,
                Map.of("bread-bot.processor.concurrency", 1, "bread-bot.processor.db-max-pool", 1))) {
            String base = "http://127.0.0.1:" + processor.getEnvironment().getProperty("local.server.port");
            awaitStatus(base + "/actuator/health/readiness", 200);

            ConnectionFactory pool = processor.getBean(ConnectionFactory.class);
            io.r2dbc.spi.Connection theOnlyConnection = Mono.from(pool.create()).block(WAIT);
            try {
                // the pool would make the check wait 30 s (max-acquire-time); the probe answers long before
                assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503);
                assertThat(body(base + "/actuator/health/readiness")).contains("\"r2dbc\":{\"status\":\"DOWN\"");
                assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
            } finally {
                Mono.from(theOnlyConnection.close()).block(WAIT);
            }
            awaitStatus(base + "/actuator/health/readiness", 200);
        }
    }

    /** Turns the database away (and drops the pool's connections) or lets it be reached again. */
    private static void allowConnections(TestDatabase database, boolean allowed) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + database.host() + ":"
                + database.port() + "/postgres", database.user(), database.password());
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database.name() + "\" ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "'");
            }
        }
    }

    /** Polls until the probe gives {@code expected}; every probe must answer within 10 s. */
    private void awaitStatus(String url, int expected) {
        await().atMost(WAIT).until(() -> status(url) == expected);
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String body(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}

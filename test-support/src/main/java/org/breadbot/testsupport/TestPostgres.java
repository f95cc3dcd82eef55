package org.breadbot.testsupport;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL 17 per test JVM, started on first use and stopped by a shutdown hook: the embedded (zonky) server,
 * or a {@code postgres:17} container when a Docker engine is available (rules in the package documentation). Each
 * {@link #newDatabase()} is a fresh, empty database on it, so tests never see each other's rows.
 */
public final class TestPostgres {

    static final String USER = "bread_bot";
    static final String PASSWORD = "bread_bot_test_password";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    /** A new empty database owned by user {@code bread_bot}. */
    public static TestDatabase newDatabase() {
        PostgresBackend server = Holder.SERVER;
        String name = "test_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        server.createDatabase(name);
        return new TestDatabase(server.host(), server.port(), name, USER, PASSWORD);
    }

    /**
     * The shared embedded server (for tests that need its superuser, e.g. to kill connections).
     *
     * @throws IllegalStateException when PostgreSQL runs in a container (see the package documentation)
     */
    public static EmbeddedDatabase server() {
        return Holder.SERVER.embedded();
    }

    /** Lazy, thread-safe start of the one server (class initialisation runs once). */
    private static final class Holder {
        static final PostgresBackend SERVER = start();

        private static PostgresBackend start() {
            PostgresBackend server = PostgresBackend.launch(BackendSelection.fromSystem().postgres(), USER, PASSWORD);
            LoggerFactory.getLogger(TestPostgres.class).info("TestPostgres: {} (-D{}, -D{} choose)", server,
                    BackendSelection.POSTGRES, BackendSelection.DOCKER);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            return server;
        }
    }
}

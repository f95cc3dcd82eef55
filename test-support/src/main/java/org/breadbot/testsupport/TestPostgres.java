package org.breadbot.testsupport;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;

/**
 * One embedded PostgreSQL 17 per test JVM, started on first use and stopped by a shutdown hook; each
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
        EmbeddedDatabase server = Holder.SERVER;
        String name = "test_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        server.createDatabase(name);
        return new TestDatabase(server.host(), server.port(), name, USER, PASSWORD);
    }

    /** The shared server (for tests that need its superuser, e.g. to kill connections). */
    public static EmbeddedDatabase server() {
        return Holder.SERVER;
    }

    /** Lazy, thread-safe start of the one server (class initialisation runs once). */
    private static final class Holder {
        static final EmbeddedDatabase SERVER = start();

        private static EmbeddedDatabase start() {
            EmbeddedDatabase server = EmbeddedDatabase.builder().user(USER, PASSWORD).database(USER).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
            return server;
        }
    }
}

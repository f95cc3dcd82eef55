package org.breadbot.bench.infra;

import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;
import org.breadbot.testsupport.embedded.KraftBroker;

/**
 * The broker and database the services run against: embedded ones in this JVM (test-support's KRaft broker and
 * PostgreSQL, temporary directories) unless given. With the embedded database every scenario gets a fresh
 * database; a given database is shared (update ids never repeat, so the runs do not interfere).
 */
public final class Infrastructure implements AutoCloseable {

    private final KraftBroker broker;
    private final EmbeddedDatabase embeddedDatabase;
    private final String bootstrapServers;
    private final Database givenDatabase;
    private final AtomicInteger databases = new AtomicInteger();

    private Infrastructure(KraftBroker broker, String bootstrapServers, EmbeddedDatabase embeddedDatabase,
            Database givenDatabase) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.embeddedDatabase = embeddedDatabase;
        this.givenDatabase = givenDatabase;
    }

    /** @param bootstrapServers null = embedded broker; @param database null = embedded PostgreSQL */
    public static Infrastructure start(String bootstrapServers, Database database) {
        KraftBroker broker = null;
        if (bootstrapServers == null) {
            broker = KraftBroker.builder().defaultPartitions(6).build().start();
            bootstrapServers = broker.bootstrapServers();
        }
        EmbeddedDatabase embedded = null;
        if (database == null) {
            embedded = EmbeddedDatabase.builder().build().start();
        }
        return new Infrastructure(broker, bootstrapServers, embedded, database);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A database for one scenario: a new empty one on the embedded server, else the given one. */
    public Database newDatabase(String purpose) {
        if (embeddedDatabase == null) {
            return givenDatabase;
        }
        String name = "bench_" + purpose + "_" + databases.incrementAndGet();
        embeddedDatabase.createDatabase(name);
        return new Database(embeddedDatabase.host(), embeddedDatabase.port(), name, embeddedDatabase.user(),
                embeddedDatabase.password());
    }

    public String describe() {
        return (broker != null ? "embedded KRaft broker" : "broker " + bootstrapServers) + ", "
                + (embeddedDatabase != null ? "embedded PostgreSQL 17" : "PostgreSQL at " + givenDatabase.host());
    }

    @Override
    public void close() {
        if (embeddedDatabase != null) {
            embeddedDatabase.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}

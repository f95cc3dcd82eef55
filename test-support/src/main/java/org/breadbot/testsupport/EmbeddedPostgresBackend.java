package org.breadbot.testsupport;

import org.breadbot.testsupport.embedded.EmbeddedDatabase;

/** The zonky embedded server. */
record EmbeddedPostgresBackend(EmbeddedDatabase server) implements PostgresBackend {

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void createDatabase(String name) {
        server.createDatabase(name);
    }

    @Override
    public EmbeddedDatabase embedded() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "embedded " + server;
    }
}

package org.breadbot.testsupport;

import org.breadbot.testsupport.embedded.EmbeddedDatabase;

/** The one PostgreSQL 17 server behind {@link TestPostgres}; its application user owns every database. */
interface PostgresBackend extends AutoCloseable {

    String host();

    int port();

    /** Creates an empty database owned by the application user (a plain lower-case identifier). */
    void createDatabase(String name);

    /** The embedded server, for tests that need its superuser; containers have none. */
    EmbeddedDatabase embedded();

    @Override
    void close();

    static PostgresBackend launch(Backend backend, String user, String password) {
        return switch (backend) {
            case EMBEDDED -> new EmbeddedPostgresBackend(
                    EmbeddedDatabase.builder().user(user, password).database(user).build().start());
            case CONTAINER -> ContainerPostgresBackend.launch(System.getProperty("bread-bot.test.postgres-image",
                    ContainerPostgresBackend.DEFAULT_IMAGE), user, password);
        };
    }
}

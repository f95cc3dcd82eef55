package org.breadbot.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code postgres:17} container whose {@code POSTGRES_USER} is the application user (the official image makes it
 * a superuser, so it can create the per-test databases it then owns).
 */
final class ContainerPostgresBackend implements PostgresBackend {

    static final String DEFAULT_IMAGE = "postgres:17";

    private final PostgreSQLContainer container;

    private ContainerPostgresBackend(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgresBackend launch(String image, String user, String password) {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(user)
                .withUsername(user)
                .withPassword(password)
                // many Spring contexts with their own pools share this one server, as on the embedded one
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        return new ContainerPostgresBackend(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                container.getPassword()); Statement statement = connection.createStatement()) {
            // the name comes from TestPostgres: lower-case letters, digits and underscores
            statement.execute("CREATE DATABASE " + name + " OWNER " + container.getUsername());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public EmbeddedDatabase embedded() {
        throw new IllegalStateException("PostgreSQL runs in a container (" + container.getDockerImageName()
                + "); run with -D" + BackendSelection.POSTGRES + "=embedded to get the embedded server");
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "container " + container.getDockerImageName() + " at " + host() + ":" + port();
    }
}

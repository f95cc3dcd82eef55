package org.breadbot.testsupport.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * An embedded PostgreSQL 17 server (zonky binaries) with one application database and user, for tests and for the
 * {@code standalone} module.
 *
 * <p>With a {@linkplain Builder#dataDirectory data directory} the cluster is created there once and reused on every
 * later start, so its data survives process restarts; without one it lives in a temporary directory deleted on
 * {@link #stop()}. The server trusts local connections (zonky's {@code initdb -A trust}): the password is set on
 * the user but not checked, which is fine for a local, loopback-only server.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The host the server is reached at; the server listens on the loopback addresses only. */
    public static final String HOST = "localhost";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path dataDirectory;
    private final int requestedPort;
    private final String database;
    private final String user;
    private final String password;
    private EmbeddedPostgres postgres;
    private int port;
    private final boolean stopAtExit;

    private EmbeddedDatabase(Builder builder) {
        this.stopAtExit = builder.stopAtExit;
        this.dataDirectory = builder.dataDirectory;
        this.requestedPort = builder.port;
        this.database = checkedIdentifier(builder.database);
        this.user = checkedIdentifier(builder.user);
        this.password = builder.password;
    }

    /** A builder with database and user {@code bread_bot}, password {@code bread_bot}, random port, temp data. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server (a no-op when running) and creates the user and database when they are missing.
     * A random port (0) is picked on the first start and kept for later restarts.
     */
    public synchronized EmbeddedDatabase start() {
        if (postgres != null) {
            return this;
        }
        try {
            EmbeddedPostgres.Builder zonky = EmbeddedPostgres.builder()
                    .setPort(port != 0 ? port : requestedPort)
                    .setServerConfig("listen_addresses", HOST)
                    .setRegisterShutdownHook(stopAtExit);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                zonky.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            postgres = zonky.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        port = postgres.getPort();
        ensureUserAndDatabase();
        return this;
    }

    /** Stops the server; its data stays when a data directory was given. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** The port; 0 before the first start when a random one was asked for. */
    public synchronized int port() {
        return port != 0 ? port : requestedPort;
    }

    public String host() {
        return HOST;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** {@code r2dbc:postgresql://localhost:<port>/<database>}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** The JDBC URL of another database on this server. */
    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + databaseName;
    }

    /**
     * Creates a database owned by the application user (lower-case letters, digits and underscores only).
     *
     * @return false when it already existed
     */
    public boolean createDatabase(String name) {
        String checked = checkedIdentifier(name);
        try (Connection admin = superuserConnection()) {
            if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", checked)) {
                return false;
            }
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + checked + " OWNER " + user);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + checked, e);
        }
    }

    /** A connection as the {@code postgres} superuser to the {@code postgres} database. */
    public synchronized Connection superuserConnection() throws SQLException {
        if (postgres == null) {
            throw new IllegalStateException("embedded PostgreSQL is not running");
        }
        return postgres.getPostgresDatabase().getConnection();
    }

    private void ensureUserAndDatabase() {
        try (Connection admin = superuserConnection()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE ROLE " + user + " LOGIN CREATEDB PASSWORD '"
                            + password.replace("'", "''") + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create user " + user, e);
        }
        createDatabase(database);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String checkedIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + jdbcUrl() + ", user=" + user + ", data=" + dataDirectory + "]";
    }

    /** Settings of an {@link EmbeddedDatabase}. */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private String database = "bread_bot";
        private String user = "bread_bot";
        private String password = "bread_bot";
        private boolean stopAtExit = true;

        private Builder() {
        }

        /** Where the cluster lives across restarts; null (the default) means a temporary, deleted directory. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** The port; 0 (the default) picks a free one on the first start. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The application database, created when missing. */
        public Builder database(String name) {
            this.database = name;
            return this;
        }

        /** The application user and its password, created when missing. */
        public Builder user(String name, String password) {
            this.user = name;
            this.password = password;
            return this;
        }

        /**
         * Whether the server stops by a JVM shutdown hook of its own (the default). An application that stops it
         * itself, after its own users of the database, turns this off: the hooks run in no fixed order, and the
         * database going first fails everything that still writes while shutting down.
         */
        public Builder stopAtExit(boolean stopAtExit) {
            this.stopAtExit = stopAtExit;
            return this;
        }

        public EmbeddedDatabase build() {
            return new EmbeddedDatabase(this);
        }
    }
}

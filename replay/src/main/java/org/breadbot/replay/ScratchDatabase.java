package org.breadbot.replay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;

/**
 * The database a replay writes the bot's state to: an embedded PostgreSQL started for the run (thrown away
 * afterwards, or kept in a directory), or one the user names. Never the production database: a given one must
 * be empty unless the user says it holds an earlier replay's state.
 */
final class ScratchDatabase implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private ScratchDatabase(EmbeddedDatabase embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Starts an embedded PostgreSQL; its data lives in {@code directory} when given, else in a temp dir. */
    static ScratchDatabase embedded(Path directory) {
        EmbeddedDatabase.Builder builder = EmbeddedDatabase.builder();
        if (directory != null) {
            builder.dataDirectory(directory.toAbsolutePath());
        }
        EmbeddedDatabase database;
        try {
            database = builder.build().start();
        } catch (RuntimeException e) {
            throw new ToolException("cannot start the embedded PostgreSQL (" + e.getMessage() + "); its binaries "
                    + "are for Linux x86-64 only, elsewhere give --db-url", e);
        }
        return new ScratchDatabase(database, database.jdbcUrl(), database.user(), database.password());
    }

    /** A database the user runs; {@code url} is a {@code jdbc:postgresql:} or {@code r2dbc:postgresql:} URL. */
    static ScratchDatabase given(String url, String user, String password) {
        String jdbc = url.startsWith("r2dbc:") ? "jdbc:" + url.substring("r2dbc:".length()) : url;
        if (!jdbc.startsWith("jdbc:postgresql:")) {
            throw new ToolException("--db-url must be a jdbc:postgresql:// or r2dbc:postgresql:// URL");
        }
        return new ScratchDatabase(null, jdbc, user, password);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The same database for R2DBC; query parameters are passed on as they are. */
    String r2dbcUrl() {
        return "r2dbc:" + jdbcUrl.substring("jdbc:".length());
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Fails when the database already has tables, unless {@code reuse}: a replay must not touch real data. */
    void requireEmpty(boolean reuse) {
        if (reuse) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = current_schema()")) {
            tables.next();
            long count = tables.getLong(1);
            if (count > 0) {
                throw new ToolException("the database at " + jdbcUrl + " already has " + count + " table(s); a "
                        + "replay writes the bot's state, so it wants an empty scratch database (or --reuse-db "
                        + "to continue an earlier replay's state). Never point it at the production database.");
            }
        } catch (SQLException e) {
            throw new ToolException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.stop();
        }
    }
}

package org.breadbot.testsupport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartOnTheSamePort() throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.builder().dataDirectory(dataDirectory)
                .database("bakery").user("baker", "secret").build();
        try {
            database.start();
            int port = database.port();
            execute(database, "CREATE TABLE loaf (name text); INSERT INTO loaf VALUES ('ржаной')");

            database.stop();
            assertThat(database.isRunning()).isFalse();
            database.start();

            assertThat(database.port()).isEqualTo(port);
            assertThat(single(database, "SELECT name FROM loaf")).isEqualTo("ржаной");
            assertThat(single(database, "SELECT current_user")).isEqualTo("baker");
        } finally {
            database.stop();
        }
    }

    @Test
    void aNewServerOnAnExistingDirectoryReusesIt() throws SQLException {
        EmbeddedDatabase first = EmbeddedDatabase.builder().dataDirectory(dataDirectory).build().start();
        try {
            execute(first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        } finally {
            first.stop();
        }

        EmbeddedDatabase second = EmbeddedDatabase.builder().dataDirectory(dataDirectory).build().start();
        try {
            assertThat(single(second, "SELECT id::text FROM kept")).isEqualTo("42");
            assertThat(second.jdbcUrl()).endsWith("/bread_bot");
        } finally {
            second.stop();
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

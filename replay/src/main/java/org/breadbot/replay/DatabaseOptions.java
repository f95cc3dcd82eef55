package org.breadbot.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.breadbot.common.secret.Secrets;
import picocli.CommandLine.Option;

/**
 * Where bread-bot's PostgreSQL is, for the commands that change it. The defaults are the services' own variables
 * (architecture §5); the password is never an option, since a command line is visible to every user of the machine
 * ({@code ps}): it comes from {@code DB_PASSWORD} or a file.
 */
final class DatabaseOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "The database (default: jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME, "
                    + "each defaulting as the services do: 127.0.0.1, 5432, bread_bot).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $DB_USER or bread_bot).")
    String user;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "A file holding the password (default: $DB_PASSWORD, else bread_bot).")
    Path passwordFile;

    Connection connect() {
        String password = password();
        Secrets.register(password);
        try {
            return DriverManager.getConnection(url(), user != null ? user : env("DB_USER", "bread_bot"), password);
        } catch (SQLException e) {
            throw new ToolException("cannot connect to " + url() + ": " + Secrets.mask(e.getMessage()), e);
        }
    }

    private String url() {
        return url != null ? url : "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432")
                + "/" + env("DB_NAME", "bread_bot");
    }

    private String password() {
        if (passwordFile == null) {
            return env("DB_PASSWORD", "bread_bot");
        }
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ToolException("cannot read the password file " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}

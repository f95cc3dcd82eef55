package org.breadbot.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import org.breadbot.common.config.LiquibaseAnalytics;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * One database on the test PostgreSQL ({@link TestPostgres}), with URLs for the application and small JDBC
 * helpers for assertions.
 *
 * @param host     the server host
 * @param port     the server port
 * @param name     the database name
 * @param user     the application user (owner of the database)
 * @param password its password
 */
public record TestDatabase(String host, int port, String name, String user, String password) {

    /** The changelog the processor owns, looked up on the test classpath. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    /** {@code jdbc:postgresql://host:port/name}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** {@code r2dbc:postgresql://host:port/name}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /**
     * Spring properties pointing an application at this database: {@code spring.r2dbc.url/username/password} and
     * {@code spring.liquibase.url/user/password} (e.g. for {@code @DynamicPropertySource} or
     * {@code SpringApplicationBuilder.properties}).
     */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", r2dbcUrl());
        properties.put("spring.r2dbc.username", user);
        properties.put("spring.r2dbc.password", password);
        properties.put("spring.liquibase.url", jdbcUrl());
        properties.put("spring.liquibase.user", user);
        properties.put("spring.liquibase.password", password);
        return properties;
    }

    /** Applies {@value #CHANGELOG} from the classpath with Liquibase. */
    public void migrate() {
        migrate(CHANGELOG);
    }

    /** Applies the given classpath changelog with Liquibase. */
    public void migrate(String changelog) {
        LiquibaseAnalytics.disable();
        try (Connection connection = connection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
            Scope.child(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(classLoader), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .execute());
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase update of " + name + " with " + changelog + " failed", e);
        }
    }

    /** Rows of a query, each a map from column label to value, in column order. */
    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Runs an INSERT/UPDATE/DELETE/DDL statement; returns the update count. */
    public int update(String sql, Object... args) {
        try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    /** A new JDBC connection as the application user; the caller closes it. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl() + ", user=" + user + "]";
    }
}

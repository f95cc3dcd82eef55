package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@BreadBotInfrastructure
class PostgresFixtureIT {

    @Test
    void everyDatabaseIsFreshAndEmpty() {
        TestDatabase first = TestPostgres.newDatabase();
        TestDatabase second = TestPostgres.newDatabase();

        first.update("CREATE TABLE crumb (id int)");

        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(first.port()).isEqualTo(second.port());
        assertThat(second.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'crumb'"))
                .containsExactly(Map.of("n", 0L));
    }

    @Test
    void migrateAppliesTheClasspathChangelogOnce(TestDatabase database) {
        database.migrate();
        database.migrate();
        int inserted = database.update("INSERT INTO loaf (id, name) VALUES (?, ?), (?, ?)", 1L, "бородинский", 2L, "багет");

        assertThat(inserted).isEqualTo(2);
        List<Map<String, Object>> rows = database.query("SELECT id, name FROM loaf WHERE id > ? ORDER BY id", 0L);
        assertThat(rows).containsExactly(Map.of("id", 1L, "name", "бородинский"), Map.of("id", 2L, "name", "багет"));
        assertThat(database.query("SELECT current_user AS u")).containsExactly(Map.of("u", "bread_bot"));
    }

    @Test
    void springPropertiesPointAtTheDatabase(TestDatabase database) {
        assertThat(database.springProperties())
                .containsEntry("spring.r2dbc.url", "r2dbc:postgresql://" + database.host() + ":" + database.port()
                        + "/" + database.name())
                .containsEntry("spring.r2dbc.username", "bread_bot")
                .containsEntry("spring.r2dbc.password", database.password())
                .containsEntry("spring.liquibase.url", database.jdbcUrl())
                .containsEntry("spring.liquibase.user", "bread_bot")
                .containsEntry("spring.liquibase.password", database.password());
        assertThat(database.toString()).doesNotContain(database.password());
    }
}

package org.breadbot.processor.bot;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.pipeline.UpdateHandler;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Base of the bot scenario tests (spec §12): one migrated database and one Spring context for the whole JVM;
 * tests isolate themselves by using a fresh chat id each. Updates go through {@link UpdateHandler} inside a
 * transaction, as the pipeline calls it.
 */
@SpringBootTest(classes = BotTestConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "bread-bot.bot.ignored-users=" + BotScenarioSupport.IGNORED_USER_ID)
public abstract class BotScenarioSupport {

    /** The Telegram id configured in {@code IGNORED_USERS}. */
    protected static final long IGNORED_USER_ID = 666;
    protected static final TestDatabase DB = migratedDatabase();
    private static final AtomicLong CHAT_IDS = new AtomicLong(-1_000_000_000_000L - 1);

    @Autowired
    protected UpdateHandler handler;
    @Autowired
    protected TransactionalOperator transactions;
    @Autowired
    protected TestRandom random;
    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((name, value) -> {
            if (name.startsWith("spring.r2dbc.")) {
                registry.add(name, () -> value);
            }
        });
    }

    @BeforeEach
    void resetRandomnessAndTime() {
        random.reset(42);
        clock.set(BotTestConfiguration.START);
    }

    /** A group chat id no other test uses. */
    protected static long newGroup() {
        return CHAT_IDS.decrementAndGet();
    }

    /** Handles the update in one transaction and returns its answers. */
    protected List<Answer> send(Updates.Builder update) {
        Update parsed = Json.mapper().readValue(update.json(), Update.class);
        return handler.handle(parsed).as(transactions::transactional).block(Duration.ofSeconds(30));
    }

    /** The texts of the answers. */
    protected List<String> texts(Updates.Builder update) {
        return send(update).stream().map(Answer::text).toList();
    }

    /** The clock's time as the application stores it. */
    protected LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Creates the chat with a default pack (answer chance 100) unless it has one; returns the pack id. */
    protected long givenPack(long chatId) {
        DB.update("INSERT INTO chats (chat_id, name, morph_answer_chance, is_openai_enabled, created_at, updated_at)"
                + " VALUES (?, 'group', 0, FALSE, now(), now()) ON CONFLICT (chat_id) DO NOTHING", chatId);
        List<Map<String, Object>> existing = DB.query("SELECT l.pack_id FROM answer_packs_to_chats l"
                + " JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ? ORDER BY l.id LIMIT 1", chatId);
        if (!existing.isEmpty()) {
            return ((Number) existing.get(0).get("pack_id")).longValue();
        }
        long pack = ((Number) DB.query("INSERT INTO answer_packs (name, is_private, answer_chance, created_at,"
                + " updated_at) VALUES ('based', TRUE, 100, now(), now()) RETURNING id").get(0).get("id")).longValue();
        DB.update("INSERT INTO answer_packs_to_chats (pack_id, chat_id, created_at, updated_at)"
                + " SELECT ?, id, now(), now() FROM chats WHERE chat_id = ?", pack, chatId);
        return pack;
    }

    /** Stores an answer entity in the chat's default pack (created if missing). */
    protected void givenAnswer(long chatId, String reaction, String key, String content, String value,
            String fileUniqueId, String description) {
        long pack = givenPack(chatId);
        DB.update("INSERT INTO answer_entities (pack_id, key, value, file_unique_id, reaction_type, content_type,"
                + " description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())",
                pack, key, value, fileUniqueId, reaction, content, description);
    }

    protected void givenTextAnswer(long chatId, String reaction, String key, String value) {
        givenAnswer(chatId, reaction, key, "TEXT", value, null, null);
    }

    protected void givenAnswerChance(long chatId, int chance) {
        DB.update("UPDATE answer_packs SET answer_chance = ? WHERE id = ?", chance, givenPack(chatId));
    }

    /** The chat's answer entities in the order they were stored: key, value, reaction, content, unique id, caption. */
    protected static List<Map<String, Object>> answerRows(long chatId) {
        return DB.query("SELECT e.key, e.value, e.reaction_type, e.content_type, e.file_unique_id, e.description"
                + " FROM answer_entities e JOIN answer_packs_to_chats l ON l.pack_id = e.pack_id"
                + " JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ? ORDER BY e.id", chatId);
    }

    /** One row of {@link #answerRows}. */
    protected static Map<String, Object> answerRow(String key, String value, String reaction, String content,
            String fileUniqueId, String description) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("value", value);
        row.put("reaction_type", reaction);
        row.put("content_type", content);
        row.put("file_unique_id", fileUniqueId);
        row.put("description", description);
        return row;
    }

    private static TestDatabase migratedDatabase() {
        TestDatabase database = TestPostgres.newDatabase();
        database.migrate();
        return database;
    }
}

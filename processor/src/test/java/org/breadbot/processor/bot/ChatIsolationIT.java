package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * What a message costs does not grow with what its chat stored (issue "no chat can stop another", item 4): a
 * chat with 10,000 substring keys and 50,000 dictionary words pays the statements of an empty chat, because its
 * keys and dictionary come from memory; the memory follows every write, by anyone, and never brings back a write
 * that was rolled back; listings, statistics and {@code all} read a page, not the chat.
 */
class ChatIsolationIT extends BotScenarioSupport {

    /** Real words, so that expanding the dictionary costs what it costs in a real chat. */
    private static final List<String> WORDS = List.of("голова", "прыгать", "мягкий", "кот", "писать", "окно",
            "бежать", "красивый", "город", "вода", "говорить", "стол", "синий", "рука", "делать", "дом");

    @Autowired
    private StatementCounter statements;

    /** A group with {@code keys} substring keys {@code ключ<n>} and {@code words} dictionary words, chance 100. */
    private long givenChat(int keys, int words) {
        long group = newGroup();
        long pack = givenPack(group);
        DB.update("INSERT INTO answer_entities (pack_id, key, value, reaction_type, content_type, created_at,"
                + " updated_at) SELECT ?, 'ключ' || i, 'ответ ' || i, 'SUBSTRING', 'TEXT', now(), now()"
                + " FROM generate_series(1, ?) AS i", pack, keys);
        DB.update("INSERT INTO dictionary_entities (chat_id, value, created_at, updated_at)"
                + " SELECT c.id, (ARRAY['" + String.join("','", WORDS) + "'])[1 + i % " + WORDS.size() + "],"
                + " now(), now() FROM chats c, generate_series(1, ?) AS i WHERE c.chat_id = ?", words, group);
        DB.update("UPDATE chats SET morph_answer_chance = 100 WHERE chat_id = ?", group);
        return group;
    }

    /** Statements one update costs, its answers aside. */
    private long statementsOf(Updates.Builder update) {
        long before = statements.executed();
        send(update);
        return statements.executed() - before;
    }

    private static Updates.Builder ordinary(long group) {
        return Updates.text("сегодня кот сидел на окне и смотрел на город").inGroup(group).from(TestUsers.ALICE);
    }

    @Test
    void aMessageCostsTheSameStatementsWhateverTheChatStored() {
        long big = givenChat(10_000, 50_000);
        long small = givenChat(1, 1);
        // the first messages register the member and load the keys and the dictionary
        send(ordinary(big));
        send(ordinary(small));

        long bigStatements = statementsOf(ordinary(big));
        long smallStatements = statementsOf(ordinary(small));
        long matching = statementsOf(Updates.text("тут ключ9876 есть").inGroup(big).from(TestUsers.ALICE));

        assertThat(bigStatements).as("registration and the trigger look-up").isEqualTo(smallStatements).isEqualTo(2);
        assertThat(matching).as("and the matched key's answers").isEqualTo(3);
        assertThat(texts(Updates.text("тут ключ9876 есть").inGroup(big).from(TestUsers.ALICE)))
                .containsExactly("ответ 9876");
        System.out.printf("isolation: a message of a chat with 10,000 keys and 50,000 words took %.2f ms,"
                + " of a chat with one of each %.2f ms (%d statements each)%n", millisPerMessage(big),
                millisPerMessage(small), bigStatements);
    }

    private double millisPerMessage(long group) {
        int messages = 50;
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            send(ordinary(group));
        }
        return (System.nanoTime() - start) / 1e6 / messages;
    }

    @Test
    void keysAndWordsWrittenByAnyoneElseAreSeenAtTheNextMessage() {
        long group = givenChat(3, WORDS.size());
        assertThat(texts(Updates.text("где новыйключ").inGroup(group).from(TestUsers.ALICE)))
                .doesNotContain("новый ответ");

        // another writer: an operator, another instance, the replay tool
        DB.update("INSERT INTO answer_entities (pack_id, key, value, reaction_type, content_type, created_at,"
                + " updated_at) VALUES (?, 'новыйключ', 'новый ответ', 'SUBSTRING', 'TEXT', now(), now())",
                givenPack(group));
        DB.update("DELETE FROM dictionary_entities WHERE chat_id = (SELECT id FROM chats WHERE chat_id = ?)", group);

        assertThat(texts(Updates.text("где новыйключ").inGroup(group).from(TestUsers.ALICE)))
                .containsExactly("новый ответ");
        assertThat(texts(ordinary(group))).as("no dictionary left, no nonsense").isEmpty();
    }

    @Test
    void aRolledBackWriteNeverComesBackFromMemory() {
        long group = givenChat(3, 0);
        send(Updates.text("первое").inGroup(group).from(TestUsers.ALICE));

        // one transaction teaches a key, matches a message against it (so it is in memory), and rolls back
        Update teach = update(Updates.text("Хлеб добавь подстроку откат=отменено").inGroup(group)
                .from(TestUsers.ALICE));
        Update match = update(Updates.text("тут откат").inGroup(group).from(TestUsers.ALICE));
        List<Answer> seenInside = handler.handle(teach).then(handler.handle(match))
                .flatMap(answers -> Mono.<List<Answer>>error(new RolledBack(answers)))
                .as(transactions::transactional)
                .onErrorResume(RolledBack.class, rolledBack -> Mono.just(rolledBack.answers))
                .block(Duration.ofSeconds(30));
        assertThat(seenInside).extracting(Answer::text).containsExactly("отменено");

        // the next write must not bring the rolled-back key back under the version it had in memory
        send(Updates.text("Хлеб добавь подстроку другой=ключ").inGroup(group).from(TestUsers.ALICE));
        assertThat(texts(Updates.text("тут откат").inGroup(group).from(TestUsers.ALICE))).isEmpty();
        assertThat(texts(Updates.text("тут другой").inGroup(group).from(TestUsers.ALICE))).containsExactly("ключ");
    }

    private static final class RolledBack extends RuntimeException {
        private final transient List<Answer> answers;

        RolledBack(List<Answer> answers) {
            super("rolled back by the test", null, false, false);
            this.answers = answers;
        }
    }

    private static Update update(Updates.Builder builder) {
        return Json.mapper().readValue(builder.json(), Update.class);
    }

    @Test
    void showingTenThousandAnswersReadsTheFirstPageOnly() {
        long group = givenChat(10_000, 50_000);
        send(ordinary(group));

        long listing = statementsOf(Updates.text("Хлеб покажи подстроки").inGroup(group).from(TestUsers.ALICE));
        String page = texts(Updates.text("Хлеб покажи подстроки").inGroup(group).from(TestUsers.ALICE)).get(0);
        long words = statementsOf(Updates.text("Хлеб покажи бред").inGroup(group).from(TestUsers.ALICE));
        String wordPage = texts(Updates.text("Хлеб покажи бред 3").inGroup(group).from(TestUsers.ALICE)).get(0);

        assertThat(page).startsWith("Подстроки (страница 1):\nключ1 = [ответ 1]\nключ10 = [ответ 10]\n")
                .endsWith("Дальше: Хлеб покажи подстроки 2").hasSizeLessThanOrEqualTo(4096);
        assertThat(listing).as("registration, the command count, one chunk of answers").isEqualTo(3);
        assertThat(wordPage).startsWith("Страница 3:\n").endsWith("Дальше: Хлеб покажи бред 4")
                .hasSizeLessThanOrEqualTo(4096);
        assertThat(words).as("registration, the command count, one chunk of words").isEqualTo(3);
    }

    @Test
    void statisticsOfThousandsOfMembersReadTheirTopOnlyAndAllCallsTheMostRecentlyActive() {
        long group = givenChat(0, 0);
        send(ordinary(group));
        DB.update("INSERT INTO members (member_id, username, first_name, last_name, created_at, updated_at)"
                + " SELECT 900000 + i, 'u' || (900000 + i), 'Имя' || i, '', now(), now()"
                + " FROM generate_series(1, 3000) AS i ON CONFLICT DO NOTHING");
        DB.update("INSERT INTO chats_to_members (member_id, chat_id, created_at, updated_at)"
                + " SELECT m.id, c.id, now(), ? FROM members m, chats c"
                + " WHERE m.member_id > 900000 AND m.member_id <= 903000 AND c.chat_id = ?", now(), group);
        DB.update("INSERT INTO member_daily_stats (chat_id, day, member_id, messages, commands)"
                + " SELECT c.id, ?, m.id, m.member_id - 900000, 0 FROM members m, chats c"
                + " WHERE m.member_id > 900000 AND m.member_id <= 903000 AND c.chat_id = ?", now().toLocalDate(), group);

        String stats = texts(Updates.text("Хлеб стата").inGroup(group).from(TestUsers.ALICE)).get(0);
        List<Answer> called = send(Updates.text("Хлеб all").inGroup(group).from(TestUsers.ALICE));

        assertThat(stats).contains("Имя3000 - 3000\n").contains("… и еще 2971");
        String writers = stats.split("\n\n")[1];
        assertThat(writers).startsWith("Написали сообщений:\nИмя3000 - 3000\nИмя2999 - 2999\n");
        assertThat(writers.lines().filter(line -> line.matches(".* - \\d+"))).hasSize(30);
        assertThat(called).hasSize(3);
        assertThat(called.stream().mapToLong(answer -> answer.entities().size()).sum()).isEqualTo(300);
    }
}

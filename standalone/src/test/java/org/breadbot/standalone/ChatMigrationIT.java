package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A group becomes a supergroup (exactly-once issue, item 3): whatever order Telegram's two service messages come
 * in, delivered twice or only one of them, everything the group taught and counted belongs to the new chat id once,
 * and the supergroup's next messages use it.
 */
class ChatMigrationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong GROUPS = new AtomicLong(-4_800_100);

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start(java.util.Map.of());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void migrateToThenMigrateFromMovesEverythingOnce() {
        Group group = taughtGroup();

        post(Updates.migrateTo(group.old, group.supergroup).from(TestUsers.ALICE));
        post(Updates.migrateFrom(group.old, group.supergroup).from(TestUsers.ALICE));

        assertMovedOnce(group);
    }

    @Test
    void migrateFromFirstAndEachDeliveredTwiceMovesEverythingOnce() {
        Group group = taughtGroup();
        Updates.Builder from = Updates.migrateFrom(group.old, group.supergroup).from(TestUsers.ALICE);
        Updates.Builder to = Updates.migrateTo(group.old, group.supergroup).from(TestUsers.ALICE);

        post(from);
        post(to);
        post(from);
        // a second delivery with a new update id, as after a webhook reset: the claim, not the update id, stops it
        post(Updates.migrateFrom(group.old, group.supergroup).from(TestUsers.ALICE));
        post(to);

        assertMovedOnce(group);
    }

    @Test
    void onlyOneOfTheTwoMessagesIsEnough() {
        Group group = taughtGroup();

        post(Updates.migrateTo(group.old, group.supergroup).from(TestUsers.ALICE));
        // the supergroup's messages come on another partition: one processed before the group's message is applied
        // finds nothing yet (the next test shows it is kept); these wait for it
        await().atMost(WAIT).until(() -> migrations(group.old) == 1);

        assertMovedOnce(group);
    }

    @Test
    void aSupergroupWrittenToBeforeTheMigrationWasSeenGetsTheGroupsDataAddedToItsOwn() {
        Group group = taughtGroup();
        answered(group.supergroup, TestUsers.BOB, "Хлеб добавь триггер новый" + group.old + "=свежий", null);

        post(Updates.migrateFrom(group.old, group.supergroup).from(TestUsers.ALICE));

        assertMovedOnce(group);
        answered(group.supergroup, TestUsers.BOB, "новый" + group.old, "свежий");
        // Alice's three messages in the group and Bob's two in the supergroup, before and after, plus this check
        assertThat(messagesCounted(group.supergroup)).isEqualTo(3 + 2 + 2);
    }

    /** The old and the new id of one group. */
    private record Group(long old, long supergroup) {
    }

    /** A group where Alice taught a trigger, set the nonsense rate and wrote three messages. */
    private static Group taughtGroup() {
        long old = GROUPS.getAndDecrement();
        Group group = new Group(old, -1_000_000_000_000L + old);
        answered(old, TestUsers.ALICE, "Хлеб добавь триггер ключ" + old + "=старый ответ", null);
        answered(old, TestUsers.ALICE, "Хлеб процент бреда 0", null);
        answered(old, TestUsers.ALICE, "ключ" + old, "старый ответ");
        return group;
    }

    private static void assertMovedOnce(Group group) {
        // the supergroup's next messages find what the group taught, its settings and its counts
        answered(group.supergroup, TestUsers.ALICE, "ключ" + group.old, "старый ответ");
        answered(group.supergroup, TestUsers.ALICE, "Хлеб процент бреда", "0");
        await().atMost(WAIT).until(() -> chatRows(group.old) == 0);
        assertThat(chatRows(group.supergroup)).isEqualTo(1);
        assertThat(migrations(group.old)).isEqualTo(1);
        assertThat(answersOf(group.supergroup, "ключ" + group.old)).as("the trigger, once").isEqualTo(1);
        assertThat(membersOf(group.supergroup)).isGreaterThanOrEqualTo(1);
        if (messagesCounted(group.supergroup) < 5) {
            throw new AssertionError("the group's three messages were not carried over: "
                    + messagesCounted(group.supergroup));
        }
    }

    private static void post(Updates.Builder update) {
        assertThat(bot.post(update)).isEqualTo(200);
    }

    /** Posts the text and waits for the bot's answer; checks it unless {@code answer} is null (an acknowledgement). */
    private static void answered(long chat, org.breadbot.common.telegram.User user, String text, String answer) {
        int before = sentTo(chat).size();
        post(Updates.text(text).inGroup(chat).from(user));
        try {
            await().atMost(WAIT).until(() -> sentTo(chat).size() > before);
        } catch (org.awaitility.core.ConditionTimeoutException noAnswer) {
            throw new AssertionError("no answer to \"" + text + "\" in " + chat + "; calls: "
                    + bot.telegram.calls().stream().filter(call -> call.chatId() == chat).toList(), noAnswer);
        }
        if (answer != null) {
            assertThat(sentTo(chat).get(before).text()).as(text).isEqualTo(answer);
        }
    }

    private static List<ApiCall> sentTo(long chat) {
        return bot.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat && call.succeeded())
                .toList();
    }

    private static long chatRows(long chat) {
        return count("SELECT count(*) AS n FROM chats WHERE chat_id = ?", chat);
    }

    private static long migrations(long old) {
        return count("SELECT count(*) AS n FROM chat_migrations WHERE old_chat_id = ?", old);
    }

    private static long answersOf(long chat, String key) {
        return count("SELECT count(*) AS n FROM answer_entities e JOIN answer_packs_to_chats l ON l.pack_id = e.pack_id"
                + " JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ? AND e.key = ?", chat, key);
    }

    private static long membersOf(long chat) {
        return count("SELECT count(*) AS n FROM chats_to_members l JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", chat);
    }

    private static long messagesCounted(long chat) {
        return count("SELECT coalesce(sum(s.messages), 0) AS n FROM member_daily_stats s"
                + " JOIN chats c ON c.id = s.chat_id WHERE c.chat_id = ?", chat);
    }

    private static long count(String sql, Object... args) {
        return ((Number) bot.database.query(sql, args).get(0).get("n")).longValue();
    }
}

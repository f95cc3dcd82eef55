package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One command of each family end to end, as a new user would try them in a group (issue 3, "Done when"): webhook →
 * Kafka → processor → PostgreSQL → Kafka → sender → fake Telegram. Admin: teaching a trigger from a replied-to
 * sticker; member: {@code топ} over who wrote in the last 10 days; entertainment: {@code когда был}; help of one
 * command; and the statistics counted once per update although Telegram delivered it twice.
 */
class CommandFamiliesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Set<String> COMPLETION_PHRASES =
            Set.of("Сделал", "Слушаю и повинуюсь", "Есть, сэр!", "Выполнено", "Принял");
    private static final AtomicLong CHATS = new AtomicLong(-1_000_500);

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start(Map.of());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static long newGroup() {
        return CHATS.getAndDecrement();
    }

    /** The first {@code count} successful calls of the method to the chat, waiting for them. */
    private static List<ApiCall> sent(String method, long chatId, int count) {
        await().atMost(WAIT).until(() -> successful(method, chatId).size() >= count);
        return successful(method, chatId);
    }

    private static List<ApiCall> successful(String method, long chatId) {
        return bot.telegram.calls(method).stream()
                .filter(call -> call.chatId() == chatId && call.succeeded())
                .toList();
    }

    private static void awaitRegistered(long chatId, long userId) {
        await().atMost(WAIT).until(() -> !bot.database.query("SELECT 1 FROM chats_to_members l"
                + " JOIN chats c ON c.id = l.chat_id JOIN members m ON m.id = l.member_id"
                + " WHERE c.chat_id = ? AND m.member_id = ?", chatId, userId).isEmpty());
    }

    @Test
    void adminFamily_aTriggerTaughtFromARepliedStickerAnswersWithThatStickerByFileId() {
        long chat = newGroup();
        Updates.Builder teach = Updates.text("Хлеб запомни триггер котик").inGroup(chat).from(TestUsers.ALICE)
                .replyTo(Updates.sticker("sticker-file-id", "sticker-unique-id").from(TestUsers.BOB));

        assertThat(bot.post(teach)).isEqualTo(200);
        ApiCall acknowledged = sent("sendMessage", chat, 1).get(0);
        assertThat(acknowledged.text()).isIn(COMPLETION_PHRASES);
        assertThat(acknowledged.replyToMessageId()).isEqualTo(teach.messageId());

        Updates.Builder trigger = Updates.text("Котик").inGroup(chat).from(TestUsers.CAROL);
        bot.post(trigger);
        ApiCall sticker = sent("sendSticker", chat, 1).get(0);
        assertThat(sticker.string("sticker")).isEqualTo("sticker-file-id");
        assertThat(sticker.replyToMessageId()).isEqualTo(trigger.messageId());
    }

    @Test
    void memberFamily_theTopListsTheMembersWhoWroteInTheLastTenDays() {
        long chat = newGroup();
        bot.post(Updates.text("давно не заходил").inGroup(chat).from(TestUsers.CAROL));
        bot.post(Updates.text("привет всем").inGroup(chat).from(TestUsers.BOB));
        awaitRegistered(chat, TestUsers.CAROL.id());
        awaitRegistered(chat, TestUsers.BOB.id());
        bot.database.update("UPDATE chats_to_members SET updated_at = now() - interval '11 days'"
                + " WHERE chat_id = (SELECT id FROM chats WHERE chat_id = ?)"
                + " AND member_id = (SELECT id FROM members WHERE member_id = ?)", chat, TestUsers.CAROL.id());

        Updates.Builder top = Updates.text("Хлеб топ бездельников").inGroup(chat).from(TestUsers.ALICE);
        bot.post(top);

        ApiCall reply = sent("sendMessage", chat, 1).get(0);
        List<String> lines = reply.text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("Топ бездельников");
        assertThat(lines.get(1)).startsWith("1) ");
        assertThat(lines.get(2)).startsWith("2) ");
        assertThat(lines.subList(1, 3).stream().map(line -> line.substring(3)).toList())
                .containsExactlyInAnyOrder("Alice Liddell", "Bob Builder");
        assertThat(reply.replyToMessageId()).isEqualTo(top.messageId());
    }

    @Test
    void entertainmentFamily_whenWasGivesAPastDate() {
        long chat = newGroup();
        bot.post(Updates.text("Хлеб когда был месяц май?").inGroup(chat).from(TestUsers.ALICE));

        String text = sent("sendMessage", chat, 1).get(0).text();
        Matcher answer = Pattern.compile("месяц май был в (\\d{2}\\.\\d{2}\\.\\d{4})").matcher(text);
        assertThat(answer.matches()).as(text).isTrue();
        LocalDate date = LocalDate.parse(answer.group(1), DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(date).isBetween(today.minusDays(30_001), today.plusDays(1));
    }

    @Test
    void helpOfOneCommandDescribesIt() {
        long chat = newGroup();
        bot.post(Updates.text("Хлеб help кто").inGroup(chat).from(TestUsers.ALICE));

        assertThat(sent("sendMessage", chat, 1).get(0).text()).isEqualTo("""
                Команды: [кто, у кого, кем, с кем, кого, кому, о ком, чья, чьё, чей, чье]
                   Описание: Выбор случайного участника группы
                   Пример 1: Хлеб кто хороший человек?
                   Пример 2: Хлеб с кем веселее всего?""");
    }

    @Test
    void statisticsCountAnUpdateDeliveredTwiceOnce() {
        long chat = newGroup();
        String twice = Updates.text("привет").inGroup(chat).from(TestUsers.ALICE).json();
        assertThat(bot.post(twice)).isEqualTo(200);
        assertThat(bot.post(twice)).isEqualTo(200);
        bot.post(Updates.text("Хлеб стата").inGroup(chat).from(TestUsers.ALICE));

        assertThat(sent("sendMessage", chat, 1).get(0).text()).isEqualTo("""
                Статистика за 7 дней:

                Написали сообщений:
                Alice Liddell - 2

                Позвали бота:
                Alice Liddell - 1""");
    }
}

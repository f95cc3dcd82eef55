package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/**
 * {@code стата}: messages and commands per member over a period, counted during registration and by the command
 * handler ([L] spec §4.3.2 rebuilt on what the processor stores; issue 3 item 2).
 */
class StatsIT extends BotScenarioSupport {

    private static final User TESTER = TestUsers.user(83_000_001L, "Tester", "Testerov", "tester83000001");
    private static final User BOB = TestUsers.user(83_000_002L, "Bob", null, "bob83000002");

    private String stats(long group, String text, User from) {
        List<String> answers = texts(Updates.text(text).inGroup(group).from(from));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    private void write(long group, User from, int messages) {
        for (int i = 0; i < messages; i++) {
            send(Updates.text("сообщение " + i).inGroup(group).from(from));
        }
    }

    @Test
    void scenario127_statsListMessagesThenCommandsPerMemberMostFirst() {
        long group = newGroup();
        clock.advance(Duration.ofDays(-3));
        write(group, TESTER, 8);
        send(Updates.text("Хлеб рандом").inGroup(group).from(TESTER));
        write(group, BOB, 3);
        clock.advance(Duration.ofDays(3));

        assertThat(stats(group, "Хлеб стата", TESTER)).isEqualTo("""
                Статистика за 7 дней:

                Написали сообщений:
                Tester Testerov - 10
                Bob - 3

                Позвали бота:
                Tester Testerov - 2""");
    }

    @Test
    void theDefaultPeriodIsTodayAndTheSixDaysBeforeAndADayCountWidensIt() {
        long group = newGroup();
        clock.advance(Duration.ofDays(-7));
        write(group, BOB, 2);
        clock.advance(Duration.ofDays(1));
        write(group, TESTER, 1);
        clock.advance(Duration.ofDays(6));

        assertThat(stats(group, "Хлеб стата", TESTER)).contains("Tester Testerov - 2").doesNotContain("Bob");
        assertThat(stats(group, "Хлеб статистика 8", TESTER))
                .startsWith("Статистика за 8 дней:").contains("Tester Testerov - 3", "Bob - 2");
        assertThat(stats(group, "Хлеб стата за 1 день", TESTER))
                .startsWith("Статистика за 1 день:").contains("Tester Testerov - 3").doesNotContain("Bob");
        assertThat(stats(group, "Хлеб стата 365", TESTER)).startsWith("Статистика за 365 дней:");
    }

    @Test
    void aPeriodOutsideOneToAYearIsRefused() {
        long group = newGroup();
        for (String period : List.of("0", "366", "99999999999")) {
            assertThat(stats(group, "Хлеб стата " + period, TESTER)).isEqualTo(StatsCommand.WRONG_PERIOD);
        }
    }

    @Test
    void editsAreNotCountedAndParseErrorsCountAsCommands() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(BOB));
        send(Updates.text("раз, исправлено").inGroup(group).from(BOB).edited());
        send(Updates.text("Хлеб скажи привет").inGroup(group).from(BOB).edited());
        send(Updates.text("Хлеб добавь").inGroup(group).from(BOB));

        assertThat(stats(group, "Хлеб стата", TESTER)).isEqualTo("""
                Статистика за 7 дней:

                Написали сообщений:
                Bob - 2
                Tester Testerov - 1

                Позвали бота:
                Bob - 1
                Tester Testerov - 1""");
    }

    @Test
    void everyChatCountsOnItsOwnAndMediaCountAsMessages() {
        long group = newGroup();
        long other = newGroup();
        write(other, TESTER, 5);
        send(Updates.sticker("sticker-file", "sticker-u").inGroup(group).from(BOB));
        send(Updates.voice("voice-file", "voice-u").inGroup(group).from(BOB));

        assertThat(stats(group, "Хлеб стата", TESTER)).contains("Bob - 2", "Tester Testerov - 1");
    }

    @Test
    void countersAreKeptPerChatMemberAndUtcDay() {
        long group = newGroup();
        write(group, BOB, 2);
        clock.advance(Duration.ofDays(1));
        write(group, BOB, 1);

        List<Map<String, Object>> rows = DB.query("SELECT s.day::text AS day, s.messages, s.commands"
                + " FROM member_daily_stats s JOIN chats c ON c.id = s.chat_id WHERE c.chat_id = ? ORDER BY s.day",
                group);
        assertThat(rows).containsExactly(
                Map.of("day", "2026-03-01", "messages", 2, "commands", 0),
                Map.of("day", "2026-03-02", "messages", 1, "commands", 0));
    }

    @Test
    void aBigChatShowsItsThirtyMostActiveAndCountsTheRest() {
        long group = newGroup();
        for (int i = 0; i < 35; i++) {
            write(group, TestUsers.user(83_001_000L + i, "Член" + i, null, "member83001" + i), i < 5 ? 2 : 1);
        }
        String stats = stats(group, "Хлеб стата", TESTER);
        List<String> messageLines = stats.lines().takeWhile(line -> !line.startsWith("Позвали"))
                .filter(line -> line.contains(" - ")).toList();
        assertThat(messageLines).hasSize(30);
        assertThat(messageLines.subList(0, 5)).allMatch(line -> line.endsWith(" - 2"));
        assertThat(stats).contains("… и еще 6");
    }
}

package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Update;
import org.breadbot.common.telegram.User;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** Registration of members, chats and memberships (spec §2.4) and which updates are handled (§2.2, §2.6). */
class RegistrationIT extends BotScenarioSupport {

    private Map<String, Object> member(long telegramId) {
        List<Map<String, Object>> rows = DB.query("SELECT * FROM members WHERE member_id = ?", telegramId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private LocalDateTime lastActivity(long chatId, long telegramUserId) {
        return ((Timestamp) DB.query("SELECT l.updated_at FROM chats_to_members l"
                + " JOIN chats c ON c.id = l.chat_id JOIN members m ON m.id = l.member_id"
                + " WHERE c.chat_id = ? AND m.member_id = ?", chatId, telegramUserId).get(0).get("updated_at")).toLocalDateTime();
    }

    @Test
    void scenario109_aUserWithoutUsernameIsStoredUnderTheDecimalId() {
        long group = newGroup();
        send(Updates.text("привет").inGroup(group).from(TestUsers.noUsername(777, "Безымянный")));

        Map<String, Object> member = member(777);
        assertThat(member.get("username")).isEqualTo("777");
        assertThat(member.get("first_name")).isEqualTo("Безымянный");
        assertThat(member.get("last_name")).isEqualTo("");
        assertThat(member.get("is_bot")).isEqualTo(false);
        assertThat(lastActivity(group, 777)).isEqualTo(now());
    }

    @Test
    void scenario111_aChangedFirstNameIsUpdatedOnTheNextMessage() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(TestUsers.user(5001, "Иван", "Петров", "ivan5001")));
        send(Updates.text("два").inGroup(group).from(TestUsers.user(5001, "Ваня", "Петров", "ivan5001")));

        Map<String, Object> member = member(5001);
        assertThat(member.get("first_name")).isEqualTo("Ваня");
        assertThat(member.get("last_name")).isEqualTo("Петров");
    }

    @Test
    void aChangedUsernameIsFoundByTelegramIdAndUpdated() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(TestUsers.user(5002, "Пётр", null, "old5002")));
        send(Updates.text("два").inGroup(group).from(TestUsers.user(5002, "Пётр", null, "new5002")));

        assertThat(member(5002).get("username")).isEqualTo("new5002");
    }

    @Test
    void aRecycledUsernameGoesToTheNewUserWhoGetsARowOfTheirOwn() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(TestUsers.user(5003, "Первый", null, "taken5003")));
        // 5003 renamed in Telegram and 5004, a stranger, took the old username; 5003 has not written since
        send(Updates.text("два").inGroup(group).from(TestUsers.user(5004, "Второй", null, "taken5003")));

        assertThat(member(5004).get("username")).isEqualTo("taken5003");
        assertThat(member(5004).get("id")).isNotEqualTo(member(5003).get("id"));
        assertThat(member(5003).get("username")).as("no longer theirs").isEqualTo("5003");
        assertThat(member(5003).get("first_name")).isEqualTo("Первый");
        assertThat(texts(Updates.text("Хлеб выбери ок").inGroup(group).from(TestUsers.user(5004, "Второй", null,
                "taken5003")))).containsExactly("ок");
    }

    @Test
    void aRenamedUserKeepsTheirRowAndTakesAUsernameSomeoneGaveUp() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(TestUsers.user(5005, "Первый", null, "old5005")));
        send(Updates.text("раз").inGroup(group).from(TestUsers.user(5006, "Второй", null, "free5006")));
        Object row = member(5006).get("id");
        // 5005 gave up old5005 and 5006 took it: the row of 5006 stays 5006's, under the new username
        send(Updates.text("два").inGroup(group).from(TestUsers.user(5006, "Второй!", null, "old5005")));

        assertThat(member(5006)).containsEntry("id", row).containsEntry("username", "old5005")
                .containsEntry("first_name", "Второй!");
        assertThat(member(5005).get("username")).isEqualTo("5005");
    }

    @Test
    void everyMessageRefreshesTheMembershipActivityIncludingEdits() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(TestUsers.BOB));
        clock.advance(Duration.ofHours(5));
        send(Updates.text("раз!").inGroup(group).from(TestUsers.BOB).edited());

        assertThat(lastActivity(group, TestUsers.BOB.id())).isEqualTo(now());
        assertThat(DB.query("SELECT count(*) AS n FROM chats_to_members l JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", group).get(0).get("n")).isEqualTo(1L);
    }

    @Test
    void theChatIsNamedAfterTheGroupTitleAndRenamedWithIt() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group, "Пекарня").from(TestUsers.ALICE));
        send(Updates.text("два").inGroup(group, "Булочная").from(TestUsers.ALICE));

        assertThat(DB.query("SELECT name, morph_answer_chance, is_openai_enabled FROM chats WHERE chat_id = ?",
                group)).containsExactly(Map.of("name", "Булочная", "morph_answer_chance", 15,
                "is_openai_enabled", false));
    }

    @Test
    void aPrivateChatIsNamedAfterTheSendersUsername() {
        User carol = TestUsers.user(5005, "Кэрол", null, "carol5005");
        send(Updates.text("привет").from(carol));

        assertThat(DB.query("SELECT name FROM chats WHERE chat_id = ?", 5005L).get(0).get("name"))
                .isEqualTo("carol5005");
    }

    @Test
    void mediaWithoutTextIsRegisteredButNeverAnswered() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "хлеб", "ответ");
        assertThat(send(Updates.sticker("file", "unique").inGroup(group).from(TestUsers.user(5006, "Стикер", null,
                "sticker5006")))).isEmpty();
        assertThat(send(Updates.photo("file", "unique").caption("хлеб").inGroup(group)
                .from(TestUsers.user(5006, "Стикер", null, "sticker5006")))).isEmpty();
        member(5006);
    }

    @Test
    void scenario107_anUpdateWithoutMessageIsIgnored() {
        Update poll = Json.mapper().readValue("{\"update_id\": 77, \"poll\": {\"id\": \"1\"}}", Update.class);
        assertThat(handler.handle(poll).as(transactions::transactional).block()).isEmpty();

        Update channelPost = Json.mapper().readValue("{\"update_id\": 78, \"channel_post\": {\"message_id\": 1,"
                + " \"date\": 0, \"chat\": {\"id\": -100500, \"type\": \"channel\"}, \"text\": \"Хлеб кто\"}}",
                Update.class);
        assertThat(handler.handle(channelPost).as(transactions::transactional).block()).isEmpty();
        assertThat(DB.query("SELECT * FROM chats WHERE chat_id = -100500")).isEmpty();
    }

    @Test
    void scenario108_parseErrorsOnEditedMessagesAreDroppedButCommandsRun() {
        long group = newGroup();
        assertThat(send(Updates.text("Хлеб добавь подстроку").inGroup(group).edited())).isEmpty();
        assertThat(texts(Updates.text("Хлеб выбери привет").inGroup(group).edited())).containsExactly("привет");
    }

    @Test
    void oversizedNamesFromAForgedUpdateAreCutToTheColumnWidth() {
        long group = newGroup();
        String huge = "Я".repeat(300);
        User forged = TestUsers.user(5007, huge, huge, "u5007" + "x".repeat(300));
        assertThat(texts(Updates.text("Хлеб выбери ок").inGroup(group, huge).from(forged))).containsExactly("ок");

        Map<String, Object> member = member(5007);
        assertThat((String) member.get("first_name")).hasSize(255);
        assertThat((String) member.get("username")).hasSize(255).startsWith("u5007");
        assertThat((String) DB.query("SELECT name FROM chats WHERE chat_id = ?", group).get(0).get("name"))
                .hasSize(255);
    }
}

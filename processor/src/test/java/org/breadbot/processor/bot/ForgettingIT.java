package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.breadbot.processor.store.ForgettingStore;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A chat the bot was removed from is forgotten after the retention period unless the bot came back, and the
 * operator's functions forget one chat or one person everywhere (docs/privacy.md).
 */
class ForgettingIT extends BotScenarioSupport {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Autowired
    private ForgettingStore forgetting;

    /** A group that holds something in every table a chat's data lives in. */
    private long givenFullChat() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "привет", "медвед");
        send(Updates.text("Хлеб добавь подстроку кошка=мяу").inGroup(group).from(TestUsers.ALICE));
        send(Updates.text("всем привет").inGroup(group).from(TestUsers.BOB));
        DB.update("INSERT INTO dictionary_entities (chat_id, value, created_at, updated_at)"
                + " SELECT id, 'собака', now(), now() FROM chats WHERE chat_id = ?", group);
        DB.update("INSERT INTO outbox (reply_id, chat_id, update_id, payload) VALUES (?, ?, 1, '{}')",
                group + ":1:0", group);
        DB.update("INSERT INTO delivery_log (reply_id, chat_id, message_id) VALUES (?, ?, 1)",
                group + ":1:0", group);
        return group;
    }

    private static Map<String, Long> rowsOf(long chat) {
        return Map.of(
                "chats", count("SELECT count(*) FROM chats WHERE chat_id = ?", chat),
                "answers", count("SELECT count(*) FROM answer_entities e JOIN answer_packs_to_chats l"
                        + " ON l.pack_id = e.pack_id JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ?", chat),
                "packs", count("SELECT count(*) FROM answer_packs p WHERE NOT EXISTS (SELECT 1"
                        + " FROM answer_packs_to_chats l WHERE l.pack_id = p.id)"),
                "links", count("SELECT count(*) FROM chats_to_members l JOIN chats c ON c.id = l.chat_id"
                        + " WHERE c.chat_id = ?", chat),
                "stats", count("SELECT count(*) FROM member_daily_stats s JOIN chats c ON c.id = s.chat_id"
                        + " WHERE c.chat_id = ?", chat),
                "outbox", count("SELECT count(*) FROM outbox WHERE chat_id = ?", chat),
                "delivery_log", count("SELECT count(*) FROM delivery_log WHERE chat_id = ?", chat));
    }

    private static long count(String sql, Object... args) {
        List<Map<String, Object>> rows = DB.query(sql, args);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    private long purgeAsOf(LocalDateTime when) {
        return forgetting.forgetRemovedBefore(when.minus(RETENTION), 100).block(Duration.ofSeconds(30));
    }

    @Test
    void aChatTheBotWasKickedFromIsForgottenWhenTheRetentionPeriodIsOver() {
        long group = givenFullChat();
        assertThat(rowsOf(group)).containsEntry("chats", 1L).containsEntry("outbox", 1L)
                .containsEntry("delivery_log", 1L).containsEntry("links", 2L).containsEntry("answers", 2L);
        long orphanPacksBefore = rowsOf(group).get("packs");

        assertThat(send(Updates.myChatMember(group, "member", "kicked"))).isEmpty();
        assertThat(purgeAsOf(now().plusDays(29))).as("too early").isZero();
        assertThat(rowsOf(group)).containsEntry("chats", 1L);

        assertThat(purgeAsOf(now().plusDays(31))).isEqualTo(1);
        assertThat(rowsOf(group)).containsEntry("chats", 0L).containsEntry("answers", 0L)
                .containsEntry("links", 0L).containsEntry("stats", 0L).containsEntry("outbox", 0L)
                .containsEntry("delivery_log", 0L).containsEntry("packs", orphanPacksBefore);
        assertThat(count("SELECT count(*) FROM members WHERE member_id = ?", TestUsers.ALICE.id()))
                .as("people stay: they are in other chats too").isEqualTo(1);
    }

    @Test
    void addingTheBotBackCancelsTheForgetting() {
        long group = givenFullChat();
        send(Updates.myChatMember(group, "member", "left"));
        send(Updates.myChatMember(group, "left", "member"));

        purgeAsOf(now().plusDays(365));

        assertThat(rowsOf(group)).containsEntry("chats", 1L).containsEntry("answers", 2L);
        assertThat(texts(Updates.text("привет").inGroup(group))).containsExactly("медвед");
    }

    @Test
    void forgettingAPersonRemovesTheirRowsAndPrivateChatButNotTheGroupsTheyTaught() {
        long group = newGroup();
        var user = TestUsers.user(7_700_001L, "Забудь", "Меня", "forget_me");
        send(Updates.text("Хлеб добавь триггер привет=медвед").inGroup(group).from(user));
        send(Updates.text("Хлеб добавь триггер лично=моё").from(user).privateChat());
        DB.update("INSERT INTO outbox (reply_id, chat_id, update_id, payload) VALUES (?, ?, 1, '{}')",
                user.id() + ":1:0", user.id());

        long removed = count("SELECT bread_bot_forget_user(?)", user.id());

        assertThat(removed).isPositive();
        assertThat(count("SELECT count(*) FROM members WHERE member_id = ?", user.id())).isZero();
        assertThat(rowsOf(user.id())).containsEntry("chats", 0L).containsEntry("answers", 0L)
                .containsEntry("outbox", 0L);
        assertThat(rowsOf(group)).containsEntry("links", 0L).containsEntry("stats", 0L)
                .containsEntry("answers", 1L);
        assertThat(texts(Updates.text("привет").inGroup(group).from(TestUsers.BOB))).containsExactly("медвед");
    }

    @Test
    void aUserWhoLeftIsNoLongerAMember() {
        long group = newGroup();
        send(Updates.text("раз").inGroup(group).from(TestUsers.ALICE));
        send(Updates.text("два").inGroup(group).from(TestUsers.BOB));

        assertThat(send(Updates.leftChatMember(TestUsers.BOB).inGroup(group).from(TestUsers.BOB))).isEmpty();
        send(Updates.chatMember(group, TestUsers.ALICE, "member", "kicked"));

        assertThat(rowsOf(group)).containsEntry("links", 0L);
    }
}

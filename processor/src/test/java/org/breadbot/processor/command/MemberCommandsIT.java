package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.MessageEntity;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** {@code топ} (spec §4.2.13), {@code парочка} (§4.2.14) and {@code all} (§4.2.15) over the member pool (§7). */
class MemberCommandsIT extends BotScenarioSupport {

    private static User member(long id, String firstName) {
        return TestUsers.user(id, firstName, null, "u" + id);
    }

    /** Members {@code firstId..firstId+count-1}, each having written in the group; returns their names. */
    private List<String> givenActiveMembers(long group, long firstId, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User user = member(firstId + i, "Член" + i);
            send(Updates.text("я тут").inGroup(group).from(user));
            names.add(user.firstName());
        }
        return names;
    }

    /** Members {@code firstId..firstId+count-1} (first name and username {@code u<id>}), active in the group now. */
    private void givenManyActiveMembers(long group, long firstId, int count) {
        send(Updates.text("регистрирую чат").inGroup(group).from(member(firstId, "u" + firstId)));
        DB.update("INSERT INTO members (member_id, username, first_name, last_name, is_bot, created_at, updated_at)"
                + " SELECT i, 'u' || i, 'u' || i, '', FALSE, now(), now() FROM generate_series(?, ?) AS i",
                firstId + 1, firstId + count - 1);
        DB.update("INSERT INTO chats_to_members (member_id, chat_id, created_at, updated_at)"
                + " SELECT m.id, c.id, ?, ? FROM members m, chats c"
                + " WHERE m.member_id BETWEEN ? AND ? AND c.chat_id = ? ORDER BY m.member_id",
                now(), now(), firstId + 1, firstId + count - 1, group);
    }

    private String only(List<String> texts) {
        assertThat(texts).hasSize(1);
        return texts.get(0);
    }

    @Test
    void scenario081_theTopListsOnlyMembersActiveWithinTenDays() {
        long group = newGroup();
        send(Updates.text("я тут").inGroup(group).from(member(7001, "Пропавший")));
        clock.advance(Duration.ofDays(1));
        send(Updates.text("я тут").inGroup(group).from(member(7002, "Активный")));
        clock.advance(Duration.ofDays(9));

        Set<String> lines = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            lines.addAll(only(texts(Updates.text("Хлеб топ").inGroup(group).from(member(7003, "Я"))))
                    .lines().toList());
        }
        assertThat(lines).containsExactlyInAnyOrder("Топ", "1) Я", "2) Я", "1) Активный", "2) Активный");
    }

    @Test
    void scenario082_theTopHasTwentyPlacesInRandomOrder() {
        long group = newGroup();
        List<String> names = givenActiveMembers(group, 7100, 25);
        Set<String> everyoneSeen = new HashSet<>();
        Set<List<String>> orders = new HashSet<>();
        for (int run = 0; run < 10; run++) {
            List<String> lines = only(texts(Updates.text("Хлеб топ бездельников").inGroup(group)
                    .from(member(7100, "Член0")))).lines().toList();
            assertThat(lines).hasSize(21);
            assertThat(lines.get(0)).isEqualTo("Топ бездельников");
            List<String> ranked = new ArrayList<>();
            for (int place = 1; place <= 20; place++) {
                String line = lines.get(place);
                assertThat(line).startsWith(place + ") ");
                ranked.add(line.substring((place + ") ").length()));
            }
            assertThat(ranked).doesNotHaveDuplicates().isSubsetOf(names);
            everyoneSeen.addAll(ranked);
            orders.add(ranked);
        }
        assertThat(everyoneSeen).containsExactlyInAnyOrderElementsOf(names);
        assertThat(orders).hasSizeGreaterThan(1);
        assertThat(only(texts(Updates.text("Хлеб top бездельников").inGroup(group).from(member(7100, "Член0")))))
                .startsWith("Топ бездельников\n1) ");
    }

    @Test
    void theTopOfAPrivateChatIsItsOwner() {
        assertThat(texts(Updates.text("Хлеб топ красавчиков?").privateChat().from(TestUsers.ALICE)))
                .containsExactly("Топ красавчиков?\n1) Alice Liddell");
    }

    @Test
    void scenario083_aCoupleNeedsTwoMembers() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб парочка").inGroup(group).from(member(7201, "Один"))))
                .containsExactly("В группе недостаточно пользователей для образования пары!");
        assertThat(texts(Updates.text("Хлеб пара").privateChat().from(member(7202, "Сам"))))
                .containsExactly("В группе недостаточно пользователей для образования пары!");
    }

    @Test
    void scenario084_aCoupleIsTwoDifferentMembers() {
        long group = newGroup();
        send(Updates.text("я тут").inGroup(group).from(member(7301, "Ромео")));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            seen.add(only(texts(Updates.text("Хлеб парочка some test").inGroup(group).from(member(7302, "Джульетта")))));
        }
        assertThat(seen).containsExactlyInAnyOrder("Парочку some test образовали: Ромео и Джульетта",
                "Парочку some test образовали: Джульетта и Ромео");
        assertThat(texts(Updates.text("Хлеб пара").inGroup(group).from(member(7302, "Джульетта"))).get(0))
                .startsWith("Парочку образовали: ");
    }

    @Test
    void scenario085_allMentionsEveryActiveMemberByUsername() {
        long group = newGroup();
        send(Updates.text("привет").inGroup(group).from(TestUsers.user(7401, "Первый", null, "uname1")));
        Updates.Builder call = Updates.text("Хлеб all").inGroup(group).from(TestUsers.user(7402, "Второй", null,
                "uname2"));

        assertThat(send(call)).containsExactly(new Answer(group, ReplyMethod.SEND_MESSAGE, "@uname1 @uname2", null,
                null, call.messageId(), null, List.of(new MessageEntity("mention", 0, 7, null, null, null),
                        new MessageEntity("mention", 8, 7, null, null, null))));
        assertThat(texts(Updates.text("Хлеб channel").inGroup(group).from(TestUsers.user(7402, "Второй", null,
                "uname2")))).containsExactly("@uname1 @uname2");
        assertThat(texts(Updates.text("Хлеб канал").inGroup(group).from(TestUsers.user(7402, "Второй", null,
                "uname2")))).containsExactly("@uname1 @uname2");
    }

    @Test
    void membersWithoutUsernameAreMentionedByNameSoTelegramNotifiesThem() {
        long group = newGroup();
        send(Updates.text("привет").inGroup(group).from(TestUsers.noUsername(7501, "Вася 🍞")));
        send(Updates.text("привет").inGroup(group).from(TestUsers.user(7502, "Петя", null, "petya_7502")));
        Answer answer = send(Updates.text("Хлеб all").inGroup(group).from(TestUsers.noUsername(7503, "<b>Коля</b>")))
                .get(0);

        assertThat(answer.text()).isEqualTo("Вася 🍞 @petya_7502 <b>Коля</b>");
        assertThat(answer.parseMode()).isNull();
        // offsets and lengths in UTF-16 code units: the emoji counts twice
        assertThat(answer.entities()).containsExactly(
                new MessageEntity("text_mention", 0, 7, null, new User(7501, false, "Вася 🍞", null, null, null), null),
                new MessageEntity("mention", 8, 11, null, null, null),
                new MessageEntity("text_mention", 20, 11, null, new User(7503, false, "<b>Коля</b>", null, null, null),
                        null));
        for (MessageEntity entity : answer.entities()) {
            String mentioned = answer.text().substring(entity.offset(), entity.offset() + entity.length());
            assertThat(mentioned).isIn("Вася 🍞", "@petya_7502", "<b>Коля</b>");
        }
    }

    @Test
    void aBigChatIsCalledInSeveralMessagesOfAtMostAHundredMentions() {
        long group = newGroup();
        givenManyActiveMembers(group, 7600, 149);
        List<Answer> answers = send(Updates.text("Хлеб all").inGroup(group).from(member(7749, "Последний")));

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).entities()).hasSize(100);
        assertThat(answers.get(1).entities()).hasSize(50);
        assertThat(answers.get(1).text()).startsWith("@u7700 ").endsWith("@u7749");
        Set<String> mentioned = new HashSet<>();
        for (Answer answer : answers) {
            assertThat(answer.text().length()).isLessThanOrEqualTo(4096);
            for (MessageEntity entity : answer.entities()) {
                mentioned.add(answer.text().substring(entity.offset(), entity.offset() + entity.length()));
            }
        }
        assertThat(mentioned).hasSize(150).allMatch(text -> text.matches("@u7[67]\\d\\d"));
    }

    @Test
    void inAPrivateChatAllMentionsTheOwner() {
        assertThat(texts(Updates.text("Хлеб all").privateChat().from(TestUsers.ALICE))).containsExactly("@alice");
    }
}

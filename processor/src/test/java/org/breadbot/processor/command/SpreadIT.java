package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/**
 * {@code распространи в <group>}: a private chat's answers copied into a group the user has written in ([L] spec
 * §4.3.1, scenario 126), on the [H] answer packs.
 */
class SpreadIT extends BotScenarioSupport {

    private static final AtomicLong USERS = new AtomicLong(83_100_000L);

    /** A user of this test only, so their private chat starts empty. */
    private static User newUser(String firstName) {
        long id = USERS.incrementAndGet();
        return TestUsers.user(id, firstName, null, "spread" + id);
    }

    private static String title(long group) {
        return "MyGroup " + group;
    }

    private List<String> inPrivate(User user, String text) {
        return texts(Updates.text(text).from(user).privateChat());
    }

    private void writeIn(long group, User user) {
        send(Updates.text("всем привет").inGroup(group, title(group)).from(user));
    }

    @Test
    void scenario126_privateAnswersAreMergedIntoAGroupTheUserWroteIn() {
        User user = newUser("Tester");
        long group = newGroup();
        writeIn(group, user);
        givenTextAnswer(group, "TRIGGER", "пока", "до встречи");
        inPrivate(user, "Хлеб добавь триггер привет=медвед");
        inPrivate(user, "Хлеб добавь подстроку кошка=мяу");

        assertThat(inPrivate(user, "Хлеб распространи в " + title(group)))
                .singleElement().isIn(Replies.completionPhrases());

        assertThat(texts(Updates.text("Привет").inGroup(group, title(group)))).containsExactly("медвед");
        assertThat(texts(Updates.text("вот моя кошка").inGroup(group, title(group)))).containsExactly("мяу");
        assertThat(texts(Updates.text("пока").inGroup(group, title(group)))).containsExactly("до встречи");
    }

    @Test
    void scenario126_fromAGroupTheBotRefuses() {
        User user = newUser("Tester");
        long group = newGroup();
        writeIn(group, user);
        assertThat(texts(Updates.text("Хлеб распространи в " + title(group)).inGroup(group, title(group)).from(user)))
                .containsExactly(SpreadCommand.ONLY_PRIVATE);
    }

    @Test
    void theGroupIsFoundByTitleInAnyLetterCaseOrById() {
        User user = newUser("Tester");
        long group = newGroup();
        writeIn(group, user);
        inPrivate(user, "Хлеб добавь триггер раз=один");
        assertThat(inPrivate(user, "Хлеб распространи в " + title(group).toUpperCase()))
                .singleElement().isIn(Replies.completionPhrases());

        inPrivate(user, "Хлеб добавь триггер два=двое");
        assertThat(inPrivate(user, "Хлеб распространи в " + group)).singleElement().isIn(Replies.completionPhrases());
        assertThat(texts(Updates.text("два").inGroup(group, title(group)))).containsExactly("двое");
    }

    @Test
    void mediaAnswersAreCopiedTooAndRepeatingAddsNothing() {
        User user = newUser("Tester");
        long group = newGroup();
        writeIn(group, user);
        send(Updates.text("Хлеб запомни триггер котик").from(user).privateChat()
                .replyTo(Updates.sticker("cat-file", "cat-u").from(user)));

        inPrivate(user, "Хлеб распространи в " + title(group));
        List<Answer> answers = send(Updates.text("котик").inGroup(group, title(group)));
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.method()).isEqualTo(ReplyMethod.SEND_STICKER);
            assertThat(answer.fileId()).isEqualTo("cat-file");
        });

        assertThat(inPrivate(user, "Хлеб распространи в " + title(group))).containsExactly(SpreadCommand.NOTHING_NEW);
        assertThat(answerRows(group)).hasSize(1);
    }

    @Test
    void aGroupTheUserNeverWroteInIsRefused() {
        User user = newUser("Tester");
        User stranger = newUser("Stranger");
        long group = newGroup();
        writeIn(group, stranger);
        inPrivate(user, "Хлеб добавь триггер спам=спам");

        assertThat(inPrivate(user, "Хлеб распространи в " + title(group))).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(user, "Хлеб распространи в " + group)).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void someoneWhoTookAnOldUsernameCannotSpreadIntoTheGroupsOfItsFormerOwner() {
        long group = newGroup();
        User owner = TestUsers.user(USERS.incrementAndGet(), "Owner", null, "victim" + group);
        writeIn(group, owner);
        // the owner renamed in Telegram; a stranger registers the freed username and writes the bot privately
        User stranger = TestUsers.user(USERS.incrementAndGet(), "Stranger", null, owner.username());
        inPrivate(stranger, "Хлеб добавь триггер привет=реклама");

        assertThat(inPrivate(stranger, "Хлеб распространи в " + title(group))).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(stranger, "Хлеб распространи в " + group)).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void aUserWhoLeftOrWasBannedCannotSpreadThereAnyMore() {
        User leaver = newUser("Leaver");
        User banned = newUser("Banned");
        long group = newGroup();
        writeIn(group, leaver);
        writeIn(group, banned);
        inPrivate(leaver, "Хлеб добавь триггер раз=один");
        inPrivate(banned, "Хлеб добавь триггер два=двое");

        send(Updates.leftChatMember(leaver).inGroup(group, title(group)).from(leaver));
        send(Updates.chatMember(group, banned, "member", "kicked"));

        assertThat(inPrivate(leaver, "Хлеб распространи в " + title(group))).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(banned, "Хлеб распространи в " + title(group))).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void anUnknownChatAndSomeonesPrivateChatAreRefused() {
        User user = newUser("Tester");
        User other = newUser("Other");
        inPrivate(other, "привет");
        inPrivate(user, "Хлеб добавь триггер раз=один");

        assertThat(inPrivate(user, "Хлеб распространи в Нет такой группы 83100"))
                .containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(user, "Хлеб распространи в " + other.username()))
                .containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(user, "Хлеб распространи в"))
                .containsExactly("Необходимо указать название группы: Хлеб распространи в <название>");
    }

    @Test
    void aHostileGroupNameIsJustANameThatMatchesNothing() {
        User user = newUser("Tester");
        long group = newGroup();
        writeIn(group, user);
        inPrivate(user, "Хлеб добавь триггер раз=один");

        assertThat(inPrivate(user, "Хлеб распространи в '; DROP TABLE chats; --"))
                .containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(user, "Хлеб распространи в %")).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(inPrivate(user, "Хлеб распространи в " + "я".repeat(5000))).containsExactly(SpreadCommand.NOT_YOURS);
        assertThat(DB.query("SELECT 1 FROM chats WHERE chat_id = ?", group)).hasSize(1);
    }

    @Test
    void nothingToCopyIsSaid() {
        User user = newUser("Tester");
        long group = newGroup();
        writeIn(group, user);
        assertThat(inPrivate(user, "Хлеб распространи в " + title(group)))
                .containsExactly(SpreadCommand.NOTHING_TO_COPY);
    }

    @Test
    void twoOfTheUsersGroupsWithOneTitleAreToldApartById() {
        User user = newUser("Tester");
        long first = newGroup();
        long second = newGroup();
        String shared = "Общий чат " + first;
        send(Updates.text("я тут").inGroup(first, shared).from(user));
        send(Updates.text("и тут").inGroup(second, shared).from(user));
        inPrivate(user, "Хлеб добавь триггер раз=один");

        assertThat(inPrivate(user, "Хлеб распространи в " + shared)).singleElement().asString()
                .startsWith("Групп с таким названием несколько, укажите id группы: ")
                .contains(Long.toString(first), Long.toString(second));
        assertThat(inPrivate(user, "Хлеб распространи в " + second)).singleElement()
                .isIn(Replies.completionPhrases());
    }
}

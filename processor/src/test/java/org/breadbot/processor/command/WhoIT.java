package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code кто} and friends (spec §4.2.12) over the member pool (§7.2) with names rendered as in §7.3. */
class WhoIT extends BotScenarioSupport {

    private Set<String> answersOf(long group, User sender, String text, int times) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < times; i++) {
            seen.addAll(texts(Updates.text(text).inGroup(group).from(sender)));
        }
        return seen;
    }

    @Test
    void scenario007_хлебушекКтоPicksAnActiveMemberAndDropsTheQuestionMark() {
        long group = newGroup();
        send(Updates.text("привет").inGroup(group).from(TestUsers.ALICE));
        send(Updates.text("привет").inGroup(group).from(TestUsers.BOB));

        assertThat(answersOf(group, TestUsers.CAROL, "Хлебушек кто самый умный?", 40)).containsExactlyInAnyOrder(
                "Alice Liddell самый умный", "Bob Builder самый умный", "Carol Danvers самый умный");
    }

    @Test
    void scenario079_inAPrivateChatTheSenderIsAlwaysChosen() {
        User tester = TestUsers.user(6001, "Tester", "Testerov", "tester6001");
        send(Updates.text("Хлеб кто молодец?").inGroup(newGroup()).from(tester));  // also active in some group

        assertThat(answersOf(6001, tester, "Хлеб кто молодец?", 5)).containsExactly("Tester Testerov молодец");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "кто|Test Testerov Some text",
            "у кого|Some text у Test Testerov",
            "кем|Some text им: Test Testerov",
            "с кем|Some text с Test Testerov",
            "кого|Some text Test Testerov",
            "кому|Some text ему: Test Testerov",
            "о ком|Some text о Test Testerov",
            "чья|Some text его: Test Testerov",
            "чей|Some text его: Test Testerov",
            "чьё|Some text его: Test Testerov",
            "чье|Some text его: Test Testerov",
    })
    void scenario080_theReplyIsWordedAfterTheAlias(String alias, String expected) {
        long group = newGroup();
        User test = TestUsers.user(6002, "Test", "Testerov", "test6002");
        assertThat(texts(Updates.text("Хлеб " + alias + " Some text?").inGroup(group).from(test)))
                .containsExactly(expected);
    }

    @Test
    void scenario081_onlyMembersActiveWithinTenDaysArePicked() {
        long group = newGroup();
        User a = TestUsers.user(6003, "Активный", null, "a6003");
        User b = TestUsers.user(6004, "Пропавший", null, "b6004");
        User sender = TestUsers.user(6005, "Спрашивающий", null, "s6005");
        send(Updates.text("я тут").inGroup(group).from(b));
        clock.advance(Duration.ofDays(1));
        send(Updates.text("я тут").inGroup(group).from(a));
        clock.advance(Duration.ofDays(9));  // a wrote 9 days ago, b exactly 10 days ago

        assertThat(answersOf(group, sender, "Хлеб кто", 40)).containsExactlyInAnyOrder("Активный", "Спрашивающий");
    }

    @Test
    void botsAreNeverPicked() {
        long group = newGroup();
        send(Updates.text("бип").inGroup(group).from(TestUsers.bot(6006, "robot6006")));
        User human = TestUsers.user(6007, "Человек", "Разумный", "human6007");

        assertThat(answersOf(group, human, "Хлеб кто тут", 20)).containsExactly("Человек Разумный тут");
    }

    @Test
    void namesAreFirstAndLastNameTrimmedWithoutUsernameFallback() {
        long group = newGroup();
        User spaced = TestUsers.user(6008, "  Иван ", null, "ivan6008");
        assertThat(texts(Updates.text("Хлеб кто?").inGroup(group).from(spaced))).containsExactly("Иван");
    }

    @Test
    void thePickIsUniformOverThePool() {
        long group = newGroup();
        for (User user : new User[] {TestUsers.user(6010, "A", null, "a6010"), TestUsers.user(6011, "B", null,
                "b6011")}) {
            send(Updates.text("я тут").inGroup(group).from(user));
        }
        User c = TestUsers.user(6012, "C", null, "c6012");
        int a = 0;
        for (int i = 0; i < 300; i++) {
            if (texts(Updates.text("Хлеб кто").inGroup(group).from(c)).get(0).equals("A")) {
                a++;
            }
        }
        // expected 100 of 300; the bounds are about five standard deviations
        assertThat(a).isBetween(60, 140);
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * How much one chat may store (docs/commands.md, "Quotas"), here with small limits: growth beyond a limit is
 * refused with a reply that names it; what a chat holds beyond a limit is kept and keeps working.
 */
@TestPropertySource(properties = {
        "bread-bot.bot.quotas.keys=3",
        "bread-bot.bot.quotas.answers-per-key=2",
        "bread-bot.bot.quotas.value-length=20",
        "bread-bot.bot.quotas.dictionary-words=3",
        "bread-bot.bot.quotas.word-length=10",
        "bread-bot.bot.quotas.phrases=2",
        "bread-bot.bot.quotas.members=2"})
class QuotasIT extends BotScenarioSupport {

    private static final AtomicLong USERS = new AtomicLong(84_100_000L);

    private String answer(long group, String text) {
        List<String> answers = texts(Updates.text(text).inGroup(group).from(TestUsers.ALICE));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    private static User newUser(String name) {
        long id = USERS.incrementAndGet();
        return TestUsers.user(id, name, null, "quota" + id);
    }

    @Test
    void aChatMayHoldSoManyKeysOfEachKindAndSaysSoWhenItIsFull() {
        long group = newGroup();
        for (String key : List.of("раз", "два", "три")) {
            assertThat(answer(group, "Хлеб добавь подстроку " + key + "=ок")).isIn(Replies.completionPhrases());
        }

        assertThat(answer(group, "Хлеб добавь подстроку четыре=нет"))
                .isEqualTo("Не добавлено: в чате может быть не больше 3 подстрок, уже 3");
        assertThat(answer(group, "Хлеб добавь подстроку раз=еще")).as("a known key may grow")
                .isIn(Replies.completionPhrases());
        assertThat(answer(group, "Хлеб добавь триггер четыре=да")).as("triggers count apart")
                .isIn(Replies.completionPhrases());
        assertThat(answerRows(group)).noneMatch(row -> row.get("key").equals("четыре")
                && row.get("reaction_type").equals("SUBSTRING"));
    }

    @Test
    void rememberingUnderManyKeysIsAllOrNothing() {
        long group = newGroup();
        Updates.Builder original = Updates.text("запомни меня").inGroup(group).from(TestUsers.BOB);

        List<String> refused = texts(Updates.text("Хлеб запомни ааа1, ааа2, ааа3, ааа4").inGroup(group)
                .from(TestUsers.ALICE).replyTo(original));

        assertThat(refused).containsExactly("Не добавлено: в чате может быть не больше 3 подстрок, уже 0,"
                + " а добавляется 4");
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void aKeyMayHoldSoManyAnswersAndAnAnswerSoManyCharacters() {
        long group = newGroup();
        answer(group, "Хлеб добавь триггер ключ=первый");
        answer(group, "Хлеб добавь триггер ключ=второй");

        assertThat(answer(group, "Хлеб добавь триггер ключ=третий"))
                .isEqualTo("Не добавлено: у ключа «ключ» может быть не больше 2 ответов");
        assertThat(answer(group, "Хлеб добавь триггер другой=" + "я".repeat(21)))
                .isEqualTo("Ответ не может быть длиннее 20 символов");
        assertThat(answerRows(group)).hasSize(2);
    }

    @Test
    void whatAChatHeldBeyondAQuotaIsKeptAndWorksButDoesNotGrow() {
        long group = newGroup();
        for (int i = 1; i <= 5; i++) {
            givenTextAnswer(group, "SUBSTRING", "ключ" + i, "ответ " + i);
        }

        assertThat(answer(group, "а вот ключ5")).isEqualTo("ответ 5");
        assertThat(answer(group, "Хлеб добавь подстроку новый=нет"))
                .isEqualTo("Не добавлено: в чате может быть не больше 3 подстрок, уже 5");
        assertThat(answer(group, "Хлеб удали", "ответ 5"))
                .isEqualTo("Удалено это значение для ключей: [ключ5]");
        assertThat(answerRows(group)).hasSize(4);
    }

    private String answer(long group, String text, String repliedText) {
        List<String> answers = texts(Updates.text(text).inGroup(group).from(TestUsers.ALICE)
                .replyTo(Updates.text(repliedText).inGroup(group).from(TestUsers.BOB)));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    @Test
    void theNonsenseDictionaryAndThePhrasesHaveLimitsToo() {
        long group = newGroup();
        assertThat(answer(group, "Хлеб добавь бред кот, дом")).isIn(Replies.completionPhrases());

        assertThat(answer(group, "Хлеб добавь бред окно, стол"))
                .isEqualTo("Не добавлено: в словаре бреда может быть не больше 3 слов, уже 2, а добавляется 2");
        assertThat(answer(group, "Хлеб добавь бред кот, окно")).as("a word it has does not count")
                .isIn(Replies.completionPhrases());
        assertThat(answer(group, "Хлеб добавь бред превосходительство"))
                .isEqualTo("Слово не может быть длиннее 10 символов");
        answer(group, "Хлеб добавь оскорбление раз");
        answer(group, "Хлеб добавь оскорбление два");
        assertThat(answer(group, "Хлеб добавь оскорбление три"))
                .isEqualTo("Не добавлено: оскорблений в чате может быть не больше 2");
    }

    @Test
    void aSpreadIntoAGroupMayNotGrowItBeyondItsQuota() {
        User user = newUser("Tester");
        long group = newGroup();
        String title = "Quota group " + group;
        send(Updates.text("всем привет").inGroup(group, title).from(user));
        givenTextAnswer(group, "TRIGGER", "пока", "до встречи");
        givenTextAnswer(group, "TRIGGER", "здравствуй", "привет");
        texts(Updates.text("Хлеб добавь триггер утро=доброе").from(user).privateChat());
        texts(Updates.text("Хлеб добавь триггер вечер=добрый").from(user).privateChat());

        assertThat(texts(Updates.text("Хлеб распространи в " + title).from(user).privateChat()))
                .containsExactly("Не скопировано: в группе может быть не больше 3 триггеров, а стало бы 4");
        assertThat(texts(Updates.text("вечер").inGroup(group, title))).isEmpty();
    }

    @Test
    void aChatTracksSoManyMembersAndLeavesLaterOnesOutOfItsPoolAndStatistics() {
        long group = newGroup();
        List<User> users = List.of(newUser("Первый"), newUser("Второй"), newUser("Третий"));
        users.forEach(user -> send(Updates.text("привет").inGroup(group).from(user)));
        users.forEach(user -> send(Updates.text("еще раз").inGroup(group).from(user)));

        assertThat(DB.query("SELECT count(*) AS n FROM chats_to_members l JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", group).get(0).get("n")).isEqualTo(2L);
        String stats = texts(Updates.text("Хлеб стата").inGroup(group).from(users.get(0))).get(0);
        assertThat(stats).contains("Первый - 3").contains("Второй - 2").doesNotContain("Третий");
        assertThat(texts(Updates.text("Хлеб стата").inGroup(group).from(users.get(2))).get(0))
                .as("an untracked member still talks to the bot").startsWith("Статистика за 7 дней");
    }
}

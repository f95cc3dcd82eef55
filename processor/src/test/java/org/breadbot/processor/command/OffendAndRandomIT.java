package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.common.telegram.MessageEntity;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/**
 * {@code оскорби} with the chat's insults and the phrase commands that manage them, and {@code рандом} ([L] spec
 * §4.3.1, §4.3.3; issue 3 item 2).
 */
class OffendAndRandomIT extends BotScenarioSupport {

    private String only(long group, String text) {
        List<String> answers = texts(Updates.text(text).inGroup(group));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    @Test
    void scenario120_anInsultAsAReplyIsAimedAtTheRepliedMessagesAuthor() {
        long group = newGroup();
        assertThat(only(group, "Хлеб добавь оскорбление You are is bad")).isIn(Replies.completionPhrases());

        Updates.Builder command = Updates.text("Хлеб оскорби").inGroup(group).from(TestUsers.ALICE)
                .replyTo(Updates.text("я прав").from(TestUsers.user(83_200_001L, "Test", null, "Test_test")));
        List<Answer> answers = send(command);

        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.text()).isEqualTo("@Test_test\nYou are is bad");
            assertThat(answer.replyToMessageId()).isEqualTo(command.messageId());
            assertThat(answer.entities()).containsExactly(new MessageEntity("mention", 0, 10, null, null, null));
        });
    }

    @Test
    void anAuthorWithoutUsernameIsMentionedByName() {
        long group = newGroup();
        only(group, "Хлеб добавь оскорбление Ты как хлеб без масла");
        List<Answer> answers = send(Updates.text("Хлеб оскорби").inGroup(group)
                .replyTo(Updates.text("а что я").from(TestUsers.noUsername(83_200_002L, "Безымянный"))));

        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.text()).isEqualTo("Безымянный\nТы как хлеб без масла");
            assertThat(answer.entities()).singleElement().satisfies(entity -> {
                assertThat(entity.type()).isEqualTo("text_mention");
                assertThat(entity.length()).isEqualTo("Безымянный".length());
                assertThat(entity.user().id()).isEqualTo(83_200_002L);
            });
        });
    }

    @Test
    void withoutAReplyTheInsultIsSaidToNoOneInParticular() {
        long group = newGroup();
        only(group, "Хлеб добавь оскорбление раз");
        only(group, "Хлеб добавь оскорбление два");
        Set<String> said = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            said.add(only(group, "Хлеб оскорби"));
        }
        assertThat(said).containsExactlyInAnyOrder("раз", "два");
    }

    @Test
    void markupInAnInsultComesBackAsPlainText() {
        long group = newGroup();
        String markup = "<b>жирный</b> *звёздочки* _и_ [ссылка](http://example.com) `код`";
        only(group, "Хлеб добавь оскорбление " + markup);
        List<Answer> answers = send(Updates.text("Хлеб оскорби").inGroup(group)
                .replyTo(Updates.text("ну").from(TestUsers.BOB)));
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.text()).isEqualTo("@bob\n" + markup);
            assertThat(answer.parseMode()).isNull();
        });
    }

    @Test
    void anEmptyInsultListExplainsHowToFillIt() {
        long group = newGroup();
        assertThat(only(group, "Хлеб оскорби"))
                .isEqualTo("Заполните базу оскорблений: Хлеб добавь оскорбление <текст>");
    }

    @Test
    void insultsAreListedDeletedAndKeptPerChat() {
        long group = newGroup();
        long other = newGroup();
        only(group, "Хлеб добавь оскорбление Первое");
        only(group, "Хлеб добавь оскорбление второе");
        only(group, "Хлеб добавь оскорбление второе");
        only(group, "Хлеб добавь ответ на редактирование это не оскорбление");

        assertThat(only(group, "Хлеб покажи оскорбления")).isEqualTo("Оскорбления:\n1) Первое\n2) второе");
        assertThat(only(group, "Хлеб покажи ответы на редактирование"))
                .isEqualTo("Ответы на редактирование:\n1) это не оскорбление");
        assertThat(only(other, "Хлеб покажи оскорбления"))
                .isEqualTo("Оскорблений пока нет, добавить: Хлеб добавь оскорбление <текст>");

        assertThat(only(group, "Хлеб удали оскорбление ПЕРВОЕ")).isIn(Replies.completionPhrases());
        assertThat(only(group, "Хлеб удали оскорбление первое")).isEqualTo(DeletePhraseCommand.NOT_FOUND);
        assertThat(only(group, "Хлеб покажи оскорбления")).isEqualTo("Оскорбления:\n1) второе");
        assertThat(only(group, "Хлеб удали ответ на редактирование это не оскорбление"))
                .isIn(Replies.completionPhrases());
        assertThat(only(group, "Хлеб покажи ответы на редактирование")).startsWith("Ответов на редактирование пока нет")
                .endsWith("Пока их нет, бот отвечает встроенными фразами");
    }

    @Test
    void phraseCommandsWithoutTextOrWithAnOverlongOneAreRefused() {
        long group = newGroup();
        assertThat(only(group, "Хлеб добавь оскорбление"))
                .isEqualTo("Необходимо указать текст: Хлеб добавь оскорбление <текст>");
        assertThat(only(group, "Хлеб удали ответ на редактирование"))
                .isEqualTo("Необходимо указать текст: Хлеб удали ответ на редактирование <текст>");
        assertThat(only(group, "Хлеб добавь оскорбление " + "ы".repeat(1001))).isEqualTo(ChatPhrases.TOO_LONG);
        assertThat(only(group, "Хлеб покажи оскорбления")).startsWith("Оскорблений пока нет");
    }

    @Test
    void theShorterAddAndDeleteCommandsKeepTheirMeaning() {
        long group = newGroup();
        assertThat(only(group, "Хлеб добавь ответ a=b")).isEqualTo("Параметры команды не найдены");
        assertThat(only(group, "Хлеб удали")).isEqualTo(Replies.REPLY_REQUIRED);
    }

    /** [L] took either number after every phrase verb (spec §3.6); "добавь оскорбления" used to find no parameters. */
    @Test
    void everyPhraseVerbTakesTheSingularAndThePlural() {
        long group = newGroup();
        assertThat(only(group, "Хлеб добавь оскорбления Первое")).isIn(Replies.completionPhrases());
        assertThat(only(group, "Хлеб добавь ответы на редактирование Видел")).isIn(Replies.completionPhrases());
        assertThat(only(group, "Хлеб покажи оскорбление")).isEqualTo("Оскорбления:\n1) Первое");
        assertThat(only(group, "Хлеб покажи ответ на редактирование")).isEqualTo("Ответы на редактирование:\n1) Видел");
        assertThat(only(group, "Хлеб удали оскорбления Первое")).isIn(Replies.completionPhrases());
        assertThat(only(group, "Хлеб удали ответы на редактирование Видел")).isIn(Replies.completionPhrases());
        assertThat(only(group, "Хлеб покажи оскорбления")).startsWith("Оскорблений пока нет");
        assertThat(only(group, "Хлеб удали оскорбления")).isEqualTo("Необходимо указать текст: Хлеб удали оскорбления <текст>");
    }

    @Test
    void randomGivesAnIntegerFromZeroToTenThousand() {
        long group = newGroup();
        Set<String> seen = new HashSet<>();
        for (String alias : List.of("рандом", "цифры", "цифри")) {
            for (int i = 0; i < 10; i++) {
                String number = only(group, "Хлеб " + alias);
                assertThat(number).matches("0|[1-9][0-9]{0,4}");
                assertThat(Integer.parseInt(number)).isBetween(0, 10_000);
                seen.add(number);
            }
        }
        assertThat(seen).hasSizeGreaterThan(20);
    }

    @Test
    void randomCoversBothEndsOfTheRange() {
        long group = newGroup();
        random.nextInts(0);
        assertThat(only(group, "Хлеб рандом")).isEqualTo("0");
        random.nextInts(10_000);
        assertThat(only(group, "Хлеб рандом")).isEqualTo("10000");
    }
}

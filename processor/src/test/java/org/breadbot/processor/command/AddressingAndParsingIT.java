package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §12 "Addressing and parsing": what reaches the commands, and the parse errors (§3.5). */
class AddressingAndParsingIT extends BotScenarioSupport {

    @Test
    void scenario001_justTheNameRunsNoCommandAndStaysSilentWithoutData() {
        long group = newGroup();
        givenPack(group);
        assertThat(send(Updates.text("Хлеб").inGroup(group))).isEmpty();
    }

    @Test
    void scenario001_justTheNameContinuesToTheAnswerHandlers() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "хлеб", "я тут");
        assertThat(texts(Updates.text("Хлеб").inGroup(group))).containsExactly("я тут");
    }

    @Test
    void scenario002_anOrdinaryMessageWithoutDataIsSilent() {
        long group = newGroup();
        assertThat(send(Updates.text("Test").inGroup(group))).isEmpty();
    }

    @Test
    void scenario006_aMessageNotStartingWithTheNameIsOrdinaryText() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "не хлеб, выбери 1", "не команда");
        assertThat(texts(Updates.text("Не хлеб, выбери 1").inGroup(group))).containsExactly("не команда");
    }

    @Test
    void scenario009_anUnknownCommandContinuesToTheAnswerHandlers() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "test", "нашёл");
        assertThat(texts(Updates.text("Хлеб несуществующая_команда test").inGroup(group)))
                .containsExactly("нашёл");
    }

    /** [H] passed here; issue 3 item 2 brings the statistics back (StatsIT), so a trigger no longer answers it. */
    @Test
    void scenario095_statsIsAnsweredWithTheStatisticsInsteadOfPassing() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "хлеб стата", "обычный текст");
        assertThat(texts(Updates.text("Хлеб стата").inGroup(group))).singleElement().asString()
                .startsWith("Статистика за 7 дней:");
    }

    @Test
    void scenario099_insultPassesToTheAnswerHandlers() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "insult", "не ругайся");
        assertThat(texts(Updates.text("Хлеб insult").inGroup(group))).containsExactly("не ругайся");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Хлеб покажи|Параметры команды не найдены",                         // scenario 13
            "Хлеб добавь|Параметры команды не найдены",                         // scenario 14
            "Хлеб добавь ответ a=b|Параметры команды не найдены",
            "Хлеб добавь подстроку|Ключ=значение не найдены",                   // scenario 15
            "Хлеб добавь подстроку my_value|Ключ=значение не найдены",          // scenario 16
            "Хлеб добавь триггер a=b=c|Ключ=значение не найдены",
            "Хлеб запомни|Неверно введены значения",                            // scenario 17
            "Хлеб выбери , ,|Неверно введены значения",
            "Хлеб добавь триггер =x|Неверно введены значения",
            "Хлеб добавь триггер x=|Неверно введены значения",
    })
    void scenario013to017_parseErrorsAreRepliedWithTheUsage(String text, String error) {
        long group = newGroup();
        Updates.Builder message = Updates.text(text).inGroup(group);
        List<Answer> answers = send(message);
        assertThat(answers).containsExactly(Answer.text(group, error, message.messageId()));
    }

    /** The parse error alone, as a reply, and nothing taught: no pack appears for a refused command. */
    private void assertRefused(String text, String error) {
        long group = newGroup();
        Updates.Builder message = Updates.text(text).inGroup(group);
        assertThat(send(message)).containsExactly(Answer.text(group, error, message.messageId()));
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void scenario013_showWithoutParametersIsParametersNotFound() {
        assertRefused("Хлеб покажи", "Параметры команды не найдены");
    }

    @Test
    void scenario014_addWithoutParametersIsParametersNotFound() {
        assertRefused("Хлеб добавь", "Параметры команды не найдены");
    }

    @Test
    void scenario015_addSubstringWithoutKeyValueIsKeyValueNotFound() {
        assertRefused("Хлеб добавь подстроку", "Ключ=значение не найдены");
    }

    @Test
    void scenario016_addSubstringWithoutEqualsSignIsKeyValueNotFound() {
        assertRefused("Хлеб добавь подстроку my_value", "Ключ=значение не найдены");
    }

    @Test
    void scenario017_rememberWithoutValuesIsWrongValuesEvenAsAReply() {
        long group = newGroup();
        Updates.Builder message = Updates.text("Хлеб запомни").inGroup(group)
                .replyTo(Updates.text("что-то").from(TestUsers.BOB));
        assertThat(texts(message)).containsExactly("Неверно введены значения");
    }

    @Test
    void answersAreRepliesToTheTriggeringMessageInItsChat() {
        long group = newGroup();
        Updates.Builder message = Updates.text("Хлеб выбери один").inGroup(group).messageId(4242);
        Answer answer = send(message).get(0);
        assertThat(answer.chatId()).isEqualTo(group);
        assertThat(answer.method()).isEqualTo(ReplyMethod.SEND_MESSAGE);
        assertThat(answer.replyToMessageId()).isEqualTo(4242);
        assertThat(answer.parseMode()).isNull();
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code процент} (spec §4.2.6), {@code процент бреда} (§4.2.7), {@code проверь} (§4.2.8), {@code скажи} (§4.2.9). */
class ChancesChecksAndSayIT extends BotScenarioSupport {

    private static final String INVALID = "Некорректное значение. Необходимо ввести число от 0 до 100";

    private int packChance(long group) {
        return ((Number) DB.query("SELECT p.answer_chance FROM answer_packs p JOIN answer_packs_to_chats l"
                + " ON l.pack_id = p.id JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ?", group)
                .get(0).get("answer_chance")).intValue();
    }

    private int morphChance(long group) {
        return ((Number) DB.query("SELECT morph_answer_chance FROM chats WHERE chat_id = ?", group)
                .get(0).get("morph_answer_chance")).intValue();
    }

    @Test
    void scenario053_aNewPackAnswersEverySubstring() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб процент").inGroup(group))).containsExactly("100");
        assertThat(packChance(group)).isEqualTo(100);  // the pack was created by asking
    }

    @Test
    void scenario054_theChanceIsSetAndShown() {
        long group = newGroup();
        List<String> set = texts(Updates.text("Хлеб процент срабатывания 20").inGroup(group));
        assertThat(Replies.completionPhrases()).contains(set.get(0));
        assertThat(packChance(group)).isEqualTo(20);
        assertThat(texts(Updates.text("Хлеб процент").inGroup(group))).containsExactly("20");
        assertThat(texts(Updates.text("Хлеб процент срабатывания").inGroup(group))).containsExactly("20");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"101", "-1", "0.11", "100.1", "some_string", "1e2", "½", "99999999999"})
    void scenario055_aChanceOutside0To100IsRefused(String value) {
        long group = newGroup();
        givenAnswerChance(group, 42);
        assertThat(texts(Updates.text("Хлеб процент " + value).inGroup(group))).containsExactly(INVALID);
        assertThat(packChance(group)).isEqualTo(42);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "100", "007", "+15"})
    void theEdgesAndPythonStyleIntegersAreAccepted(String value) {
        long group = newGroup();
        send(Updates.text("Хлеб процент " + value).inGroup(group));
        assertThat(packChance(group)).isEqualTo(Integer.parseInt(value));
    }

    @Test
    void scenario056_aNewChatHasAMorphChanceOf15() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб процент бреда").inGroup(group))).containsExactly("15");
        assertThat(DB.query("SELECT * FROM answer_packs_to_chats l JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", group)).isEmpty();  // needs no pack
    }

    @Test
    void scenario057_theMorphChanceIsSet() {
        long group = newGroup();
        List<String> set = texts(Updates.text("Хлеб процент бреда 100").inGroup(group));
        assertThat(Replies.completionPhrases()).contains(set.get(0));
        assertThat(morphChance(group)).isEqualTo(100);
        assertThat(texts(Updates.text("Хлеб процент бреда").inGroup(group))).containsExactly("100");

        assertThat(texts(Updates.text("Хлеб процент бреда 101").inGroup(group))).containsExactly(INVALID);
        assertThat(morphChance(group)).isEqualTo(100);
    }

    @Test
    void scenario058_checkIgnoresTheAnswerChance() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_substring", "my_value");
        givenAnswerChance(group, 0);
        assertThat(texts(Updates.text("Хлеб проверка my_substring").inGroup(group))).containsExactly("my_value");
        assertThat(texts(Updates.text("Хлеб проверь там my_substring было").inGroup(group)))
                .containsExactly("my_value");
    }

    @Test
    void scenario059_checkFindsNothing() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_substring", "my_value");
        assertThat(texts(Updates.text("Хлеб check unknown").inGroup(group))).containsExactly("Ничего не было найдено");
        assertThat(texts(Updates.text("Хлеб check unknown").inGroup(newGroup())))
                .containsExactly("Ничего не было найдено");  // no pack at all
    }

    @Test
    void scenario060_checkWithoutValueAsksWhatToSearchFor() {
        assertThat(texts(Updates.text("Хлеб проверь").inGroup(newGroup())))
                .containsExactly("Необходимо указать параметром, что надо искать");
    }

    @Test
    void checkFindsTriggersAsItsHelpPromises() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "мой_триггер", "ответ триггера");
        assertThat(texts(Updates.text("Хлеб проверь Мой_Триггер").inGroup(group))).containsExactly("ответ триггера");
        assertThat(texts(Updates.text("Хлеб проверь мой_триггер и ещё").inGroup(group)))
                .containsExactly("Ничего не было найдено");
    }

    @Test
    void checkAnswersWithMediaLikeTheAnswerItWouldGive() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "гифка", "ANIMATION", "gif-id", "gif-u", null);
        Updates.Builder message = Updates.text("Хлеб проверь гифка").inGroup(group);
        assertThat(send(message)).containsExactly(
                Answer.media(group, ReplyMethod.SEND_ANIMATION, "gif-id", null, message.messageId()));
    }

    @Test
    void checkPicksUniformlyAmongTheMatchingAnswers() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "ключ", "один");
        givenTextAnswer(group, "SUBSTRING", "ключ", "два");
        givenTextAnswer(group, "SUBSTRING", "ключ", "три");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.addAll(texts(Updates.text("Хлеб check ключ").inGroup(group)));
        }
        assertThat(seen).containsExactlyInAnyOrder("один", "два", "три");
    }

    @Test
    void checkFindsNothingForAnIgnoredUserLikeTheAutomaticAnswers() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_substring", "my_value");
        assertThat(texts(Updates.text("Хлеб check my_substring").inGroup(group)
                .from(TestUsers.user(IGNORED_USER_ID, "Игнор", null, "ignored"))))
                .containsExactly("Ничего не было найдено");
    }

    @Test
    void scenario061_sayWithoutValueAsksWhatToSay() {
        assertThat(texts(Updates.text("Хлеб скажи").inGroup(newGroup())))
                .containsExactly("Необходимо указать параметром, что надо сказать");
    }

    @Test
    void scenario008_breadBotSaysTheText() {
        long group = newGroup();
        Updates.Builder message = Updates.text("bread_bot скажи привет").inGroup(group);
        assertThat(send(message)).containsExactly(Answer.text(group, "привет", message.messageId()));
        assertThat(texts(Updates.text("Хлеб say hello").inGroup(group))).containsExactly("hello");
    }

    @Test
    void scenario010_onlyTheFirstLineIsSaid() {
        assertThat(texts(Updates.text("Хлеб скажи привет\nмир").inGroup(newGroup()))).containsExactly("привет");
    }

    @Test
    void scenario051_anIgnoredUserIsStillObeyed() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "hi", "hello");
        var ignored = TestUsers.user(IGNORED_USER_ID, "Игнор", null, "ignored");
        assertThat(send(Updates.text("hi").inGroup(group).from(ignored))).isEmpty();
        assertThat(texts(Updates.text("Хлеб скажи hi").inGroup(group).from(ignored))).containsExactly("hi");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<b>жирный</b> &amp; <a href=\"tg://user?id=1\">ссылка</a>",
            "*bold* _italic_ [link](http://example.com) `code` ~strike~ ||spoiler||",
            "\\*не экранировано\\* < > & \" ' ) ] } #+-=|.!",
    })
    void userTextIsRepeatedVerbatimAsPlainText(String text) {
        long group = newGroup();
        Updates.Builder message = Updates.text("Хлеб скажи " + text).inGroup(group);
        Answer answer = send(message).get(0);
        assertThat(answer.text()).isEqualTo(text);
        assertThat(answer.parseMode()).isNull();
        assertThat(answer.entities()).isNull();
    }

    @Test
    void multiLineCommandsUseTheFirstLineOnly() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь триггер привет=Медвед\nа это просто комментарий").inGroup(group));
        assertThat(answerRows(group)).containsExactly(answerRow("привет", "Медвед", "TRIGGER", "TEXT", null, null));
        assertThat(DB.query("SELECT 1 FROM answer_entities e JOIN answer_packs_to_chats l ON l.pack_id = e.pack_id"
                + " JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ? AND e.value LIKE '%комментарий%'", group))
                .isEqualTo(List.<Map<String, Object>>of());
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec §12 "Legacy behaviours [L]" (scenarios 112-130) as the bot rebuilt on the [H] data model does them. Where the
 * original's behaviour was deliberately not kept, the test pins what the bot does now and its Javadoc names the
 * difference; docs/commands.md, "Legacy scenarios", lists the same. Scenarios 120-122, 126 and 127 are rebuilt
 * features with tests of their own (OffendAndRandomIT, ReactionTogglesIT, SpreadIT, StatsIT).
 */
class LegacyScenariosIT extends BotScenarioSupport {

    private List<String> replyWith(long group, String command, Updates.Builder original) {
        return texts(Updates.text(command).inGroup(group).from(TestUsers.ALICE).replyTo(original));
    }

    private String only(long group, String text) {
        List<String> answers = texts(Updates.text(text).inGroup(group));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    /** The answers {@code text} gets over many tries. */
    private Set<String> answersOver(long group, String text, int tries) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tries; i++) {
            seen.addAll(texts(Updates.text(text).inGroup(group)));
        }
        return seen;
    }

    /**
     * [L] answered the chat's first trigger with "Hooray! The chat now has Триггеры"; the bot creates the chat's answer
     * pack silently and answers a completion phrase like every other addition.
     */
    @Test
    void scenario112_theFirstTriggerOfAChatIsStoredWithACompletionPhrase() {
        long group = newGroup();
        assertThat(only(group, "хлеб добавь триггер key=value")).isIn(Replies.completionPhrases());

        assertThat(answerRows(group)).containsExactly(answerRow("key", "value", "TRIGGER", "TEXT", null, null));
        assertThat(texts(Updates.text("key").inGroup(group))).containsExactly("value");
    }

    @Test
    void scenario113_aSecondValueOfATriggerKeyIsKeptBesideTheFirst() {
        long group = newGroup();
        only(group, "хлеб добавь триггер key=value");
        assertThat(only(group, "хлеб добавь триггер key=another_value")).isIn(Replies.completionPhrases());

        assertThat(answerRows(group)).containsExactly(answerRow("key", "value", "TRIGGER", "TEXT", null, null),
                answerRow("key", "another_value", "TRIGGER", "TEXT", null, null));
        assertThat(answersOver(group, "key", 60)).containsExactlyInAnyOrder("value", "another_value");
    }

    /**
     * [L] removed a value by text ({@code удали триггер key=value2}); the bot deletes the content the command replies
     * to (spec §4.2.5), so the same request is a reply to "value2". The text form is the reply-only command sent
     * without a reply: it asks for one and changes nothing.
     */
    @Test
    void scenario114_deletingOneValueOfAKeyKeepsTheOthers() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "key", "value1");
        givenTextAnswer(group, "TRIGGER", "key", "value2");
        givenTextAnswer(group, "TRIGGER", "key", "value3");

        assertThat(only(group, "хлеб удали триггер key=value2")).isEqualTo(Replies.REPLY_REQUIRED);
        assertThat(answerRows(group)).hasSize(3);

        assertThat(replyWith(group, "хлеб удали", Updates.text("value2").from(TestUsers.BOB)))
                .containsExactly("Удалено это значение для ключей: [key]");
        assertThat(answerRows(group)).containsExactly(answerRow("key", "value1", "TRIGGER", "TEXT", null, null),
                answerRow("key", "value3", "TRIGGER", "TEXT", null, null));
        assertThat(answersOver(group, "key", 60)).containsExactlyInAnyOrder("value1", "value3");
    }

    /**
     * [L] said "the chat has no Триггеры" for a key it did not have; deleting content the chat never taught names no
     * keys ("... для ключей: []") and changes nothing, and a chat that never taught anything says it has no pack.
     */
    @Test
    void scenario115_deletingWhatTheChatDoesNotHaveSaysSoAndChangesNothing() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "key", "value");

        assertThat(replyWith(group, "хлеб удали", Updates.text("key1").from(TestUsers.BOB)))
                .containsExactly("Удалено это значение для ключей: []");
        assertThat(answerRows(group)).containsExactly(answerRow("key", "value", "TRIGGER", "TEXT", null, null));
        assertThat(texts(Updates.text("key").inGroup(group))).containsExactly("value");

        long untaught = newGroup();
        assertThat(replyWith(untaught, "хлеб удали", Updates.text("key1").from(TestUsers.BOB)))
                .containsExactly(DeleteCommand.NO_PACK);
        assertThat(answerRows(untaught)).isEmpty();
    }

    /**
     * [L]'s {@code запомни как ключ X} took the replied text as the key and X as the answer. The bot has one direction
     * only, as [H]: the replied content is the answer and the command's words are its keys, so the same substring
     * {key: [value]} is taught by replying to "value" with {@code запомни key}. {@code как ключ} is no sub-command any
     * more: those words become part of the key.
     */
    @Test
    void scenario116_rememberingAReplyStoresItUnderTheGivenKey() {
        long group = newGroup();
        assertThat(replyWith(group, "хлеб запомни key", Updates.text("value").from(TestUsers.BOB)))
                .singleElement().isIn(Replies.completionPhrases());
        assertThat(answerRows(group)).containsExactly(answerRow("key", "value", "SUBSTRING", "TEXT", null, null));
        assertThat(texts(Updates.text("say key now").inGroup(group))).containsExactly("value");

        long legacy = newGroup();
        replyWith(legacy, "хлеб запомни как ключ value", Updates.text("key").from(TestUsers.BOB));
        assertThat(answerRows(legacy))
                .containsExactly(answerRow("как ключ value", "key", "SUBSTRING", "TEXT", null, null));
    }

    @Test
    void scenario117_aRepliedVoiceIsRememberedAsASubstringVoice() {
        long group = newGroup();
        assertThat(replyWith(group, "хлеб запомни значение my_key", Updates.voice("voice-file-id", "voice-u")))
                .singleElement().isIn(Replies.completionPhrases());

        assertThat(answerRows(group))
                .containsExactly(answerRow("my_key", "voice-file-id", "SUBSTRING", "VOICE", "voice-u", null));
    }

    @Test
    void scenario118_rememberingWithoutAReplyAsksToChooseTheMessage() {
        long group = newGroup();
        assertThat(only(group, "хлеб запомни как значение my_key")).isEqualTo(Replies.REPLY_REQUIRED);
        assertThat(only(group, "хлеб запомни значение my_key")).isEqualTo(Replies.REPLY_REQUIRED);
        assertThat(answerRows(group)).isEmpty();
    }

    /** [L] printed the two lines alone; the listing now starts with a "Подстроки:" heading line. */
    @Test
    void scenario119_showingSubstringsListsEveryKeyWithItsValues() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "key", "value");
        givenTextAnswer(group, "SUBSTRING", "key", "value1");
        givenTextAnswer(group, "SUBSTRING", "key2", "value2");

        assertThat(only(group, "Хлеб покажи подстроки").lines().toList())
                .containsExactly("Подстроки:", "key = [value; value1]", "key2 = [value2]");
    }

    /**
     * [L] gated triggers with the chat's answer chance too; since April 2023 ([H], spec §5.6) the chance gates
     * substrings only and a trigger always answers, so chance 0 silences the substring, not the trigger.
     */
    @Test
    void scenario123_chanceZeroSilencesSubstringsAndOneHundredAnswersBoth() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "key", "trigger answer");
        givenTextAnswer(group, "SUBSTRING", "word", "substring answer");

        assertThat(only(group, "Хлеб процент 0")).isIn(Replies.completionPhrases());
        for (int i = 0; i < 20; i++) {
            assertThat(send(Updates.text("a word here").inGroup(group))).isEmpty();
            assertThat(texts(Updates.text("key").inGroup(group))).containsExactly("trigger answer");
        }

        assertThat(only(group, "Хлеб процент 100")).isIn(Replies.completionPhrases());
        for (int i = 0; i < 20; i++) {
            assertThat(texts(Updates.text("a word here").inGroup(group))).containsExactly("substring answer");
            assertThat(texts(Updates.text("key").inGroup(group))).containsExactly("trigger answer");
        }
    }

    /**
     * [L] also tried the message with the bot's name removed, so "Хлеб Some free word 2" fired the trigger; a trigger
     * now matches the whole message only (spec §5.4), the name included.
     */
    @Test
    void scenario124_aMultiWordTriggerAnswersTheWholeMessageInAnyCase() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "some free word 2", "default answer 2");

        assertThat(texts(Updates.text("Some free word 2").inGroup(group))).containsExactly("default answer 2");
        assertThat(texts(Updates.text("SOME FREE WORD 2").inGroup(group))).containsExactly("default answer 2");
        assertThat(send(Updates.text("Хлеб Some free word 2").inGroup(group))).isEmpty();
    }

    /**
     * [L] found a substring anywhere in the message ("amy_substringb", ".my_substring."); a substring key now has to
     * stand as a space-delimited word (spec §5.5). As in [L], a two-character key never answers, because neither
     * {@code добавь подстроку} nor {@code запомни} accepts one.
     */
    @Test
    void scenario125_aSubstringMustStandAsAWordAndATwoCharacterKeyNeverFires() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_substring", "found");

        assertThat(send(Updates.text("amy_substringb").inGroup(group))).isEmpty();
        assertThat(send(Updates.text(".my_substring.").inGroup(group))).isEmpty();
        assertThat(texts(Updates.text("a my_substring b").inGroup(group))).containsExactly("found");

        assertThat(only(group, "Хлеб добавь подстроку ch=short")).isEqualTo(Replies.SHORT_SUBSTRING_KEY);
        assertThat(replyWith(group, "Хлеб запомни ch", Updates.text("short").from(TestUsers.BOB)))
                .containsExactly(Replies.SHORT_SUBSTRING_KEY);
        assertThat(answerRows(group)).extracting(row -> row.get("key")).containsExactly("my_substring");
        assertThat(send(Updates.text("a ch b").inGroup(group))).isEmpty();
    }

    /**
     * [L] answered {@code help}, {@code hlep} and {@code хелп} with a link to a help page that no longer exists; the
     * bot lists its commands itself under all of them and {@code помощь}.
     */
    @Test
    void scenario128_helpListsTheCommandsInsteadOfALink() {
        long group = newGroup();
        String help = only(group, "Хлеб help");
        assertThat(help).contains("1) покажи").doesNotContain("hlebbot.ru");
        assertThat(only(group, "Хлеб хелп")).isEqualTo(help);
        assertThat(only(group, "Хлеб помощь")).isEqualTo(help);
        assertThat(only(group, "Хлеб hlep")).isEqualTo(help);
    }

    /**
     * [L] fetched an English insult from evilinsult.com ("@Test_test", insult, blank line, "© comment"); [H] disabled
     * {@code insult} (scenario 99) and the bot keeps it so. Insulting someone is {@code оскорби} with the chat's own
     * phrases (scenario 120), without a "©" line.
     */
    @Test
    void scenario129_insultStaysDisabledAndОскорбиIsAimedAtTheRepliedAuthor() {
        long group = newGroup();
        Updates.Builder victim = Updates.text("я прав").from(TestUsers.user(83_290_001L, "Test", null, "Test_test"));
        assertThat(replyWith(group, "Хлеб insult", victim)).isEmpty();

        only(group, "Хлеб добавь оскорбление You are is bad");
        assertThat(replyWith(group, "Хлеб оскорби", victim)).containsExactly("@Test_test\nYou are is bad");
    }

    /**
     * [L] crashed on a malformed command and answered one of two generic error phrases; a malformed command now gets
     * the parse error that says what is missing (spec §3.5), and a failure inside a command is logged and silent
     * (§2.6).
     */
    @ParameterizedTest
    @ValueSource(strings = {"хлеб добавь foo", "Хлеб добавь foo=bar"})
    void scenario130_aMalformedCommandGetsTheParseErrorInsteadOfAGenericPhrase(String text) {
        long group = newGroup();
        Updates.Builder message = Updates.text(text).inGroup(group);

        assertThat(send(message)).containsExactly(
                Answer.text(group, "Параметры команды не найдены", message.messageId()));
        assertThat(answerRows(group)).isEmpty();
    }
}

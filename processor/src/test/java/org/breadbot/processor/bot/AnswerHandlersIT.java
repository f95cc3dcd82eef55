package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** Trigger (spec §5.4) and substring (§5.5) answers, media answers (§5.3) and answer splitting (§2.7). */
class AnswerHandlersIT extends BotScenarioSupport {

    @Test
    void scenario040_aTriggerAnswersTheWholeMessage() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "my_trigger_key", "some_value_trigger");
        givenTextAnswer(group, "SUBSTRING", "my_trigger_key", "substring must not be reached");
        Updates.Builder message = Updates.text("my_trigger_key").inGroup(group);

        assertThat(send(message)).containsExactly(Answer.text(group, "some_value_trigger", message.messageId()));
    }

    @Test
    void scenario041_aSubstringAnswersASpaceDelimitedWord() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_substring_key", "some_value_substring");
        Updates.Builder message = Updates.text("I called my_substring_key").inGroup(group);

        assertThat(send(message)).containsExactly(Answer.text(group, "some_value_substring", message.messageId()));
    }

    @Test
    void scenario042_aMediaAnswerIsSentByFileId() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "concrete_key", "ANIMATION", "gif-file-id", "gif-unique", null);
        Updates.Builder message = Updates.text("I finding concrete_key in message").inGroup(group);

        assertThat(send(message)).containsExactly(
                Answer.media(group, ReplyMethod.SEND_ANIMATION, "gif-file-id", null, message.messageId()));
    }

    @Test
    void scenario043_theAnswerIsUniformAmongAllAnswersOfTheMatchedKeys() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "my_key", "TEXT", "text answer", null, null);
        givenAnswer(group, "SUBSTRING", "my_key", "VOICE", "voice-id", "voice-u", null);
        givenAnswer(group, "SUBSTRING", "my_key", "STICKER", "sticker-id", "sticker-u", null);
        givenAnswer(group, "SUBSTRING", "my_key", "PICTURE", "photo-id", "photo-u", "подпись");
        givenAnswer(group, "SUBSTRING", "other_key", "TEXT", "other answer", null, null);

        Set<Answer> seen = new HashSet<>();
        int[] voices = new int[1];
        for (int i = 0; i < 400; i++) {
            Updates.Builder message = Updates.text("My text consists of My_key and test test test")
                    .inGroup(group).messageId(1);
            List<Answer> answers = send(message);
            assertThat(answers).hasSize(1);
            seen.add(answers.get(0));
            voices[0] += answers.get(0).method() == ReplyMethod.SEND_VOICE ? 1 : 0;
        }
        assertThat(seen).containsExactlyInAnyOrder(
                Answer.text(group, "text answer", 1),
                Answer.media(group, ReplyMethod.SEND_VOICE, "voice-id", null, 1),
                Answer.media(group, ReplyMethod.SEND_STICKER, "sticker-id", null, 1),
                Answer.media(group, ReplyMethod.SEND_PHOTO, "photo-id", "подпись", 1));
        // expected 100 of 400; the bounds are about five standard deviations
        assertThat(voices[0]).isBetween(55, 145);
    }

    @Test
    void aMessageHittingTwoKeysAnswersFromBoth() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "первый", "один");
        givenTextAnswer(group, "SUBSTRING", "второй", "два");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.addAll(texts(Updates.text("первый и второй").inGroup(group)));
        }
        assertThat(seen).containsExactlyInAnyOrder("один", "два");
    }

    @Test
    void aVideoIsSentWithoutItsDescription() {
        long group = newGroup();
        givenAnswer(group, "TRIGGER", "видео", "VIDEO", "video-id", "video-u", "описание");
        givenAnswer(group, "TRIGGER", "кружок", "VIDEO_NOTE", "note-id", "note-u", null);
        Updates.Builder video = Updates.text("Видео").inGroup(group);
        Updates.Builder note = Updates.text("кружок").inGroup(group);

        assertThat(send(video)).containsExactly(
                Answer.media(group, ReplyMethod.SEND_VIDEO, "video-id", null, video.messageId()));
        assertThat(send(note)).containsExactly(
                Answer.media(group, ReplyMethod.SEND_VIDEO_NOTE, "note-id", null, note.messageId()));
    }

    @Test
    void scenario047_aMessageWithoutKeysIsNotAnswered() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_key", "value");
        assertThat(send(Updates.text("Without keywords message").inGroup(group))).isEmpty();
    }

    @Test
    void aStoredSubstringKeyShorterThanThreeCharactersNeverMatches() {
        // the commands refuse such keys (§4.2.2); one can still come from older data, and §5.5 step 3 ignores it
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "ok", "short key value");
        givenTextAnswer(group, "SUBSTRING", "да", "short russian key value");
        assertThat(send(Updates.text("ok да ok").inGroup(group))).isEmpty();
    }

    @Test
    void scenario048_aKeyWithPunctuationAttachedDoesNotMatch() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_key", "value");
        assertThat(send(Updates.text("look at my_key.").inGroup(group))).isEmpty();
        assertThat(send(Updates.text("amy_keyb").inGroup(group))).isEmpty();
        assertThat(texts(Updates.text("my_key").inGroup(group))).containsExactly("value");
    }

    @Test
    void scenario049_chanceZeroSilencesSubstringsButNotTriggers() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_key", "substring value");
        givenTextAnswer(group, "TRIGGER", "say my_key", "trigger value");
        givenAnswerChance(group, 0);

        for (int i = 0; i < 20; i++) {
            assertThat(send(Updates.text("this is my_key").inGroup(group))).isEmpty();
        }
        assertThat(texts(Updates.text("say my_key").inGroup(group))).containsExactly("trigger value");
    }

    @Test
    void theChanceGateAnswersWhenTheDrawIsAtMostTheChance() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_key", "value");
        givenAnswerChance(group, 50);

        random.nextDoubles(0.5);
        assertThat(texts(Updates.text("this is my_key").inGroup(group))).containsExactly("value");
        random.nextDoubles(0.51);
        assertThat(send(Updates.text("this is my_key").inGroup(group))).isEmpty();
    }

    @Test
    void scenario050_editedMessagesGetNoTriggerOrSubstringAnswer() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "my_key", "substring value");
        givenTextAnswer(group, "TRIGGER", "my_trigger", "trigger value");

        assertThat(send(Updates.text("this is my_key").inGroup(group).edited())).isEmpty();
        assertThat(send(Updates.text("my_trigger").inGroup(group).edited())).isEmpty();
    }

    @Test
    void scenario051_ignoredUsersGetNoAutomaticAnswersButCommandsWork() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "my_trigger", "trigger value");
        givenTextAnswer(group, "SUBSTRING", "my_key", "substring value");
        var ignored = TestUsers.user(IGNORED_USER_ID, "Игнор", null, "ignored666");

        assertThat(send(Updates.text("my_trigger").inGroup(group).from(ignored))).isEmpty();
        assertThat(send(Updates.text("this is my_key").inGroup(group).from(ignored))).isEmpty();
        assertThat(texts(Updates.text("Хлеб выбери hi").inGroup(group).from(ignored))).containsExactly("hi");
        assertThat(texts(Updates.text("my_trigger").inGroup(group))).containsExactly("trigger value");
    }

    @Test
    void botsGetNoTriggerOrSubstringAnswersButTheirCommandsWork() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "my_trigger", "trigger value");
        givenTextAnswer(group, "SUBSTRING", "my_key", "substring value");
        var otherBot = TestUsers.bot(777_000_111L, "echo_bot");

        assertThat(send(Updates.text("my_trigger").inGroup(group).from(otherBot))).isEmpty();
        assertThat(send(Updates.text("this is my_key").inGroup(group).from(otherBot))).isEmpty();
        assertThat(texts(Updates.text("Хлеб выбери hi").inGroup(group).from(otherBot))).containsExactly("hi");
        assertThat(texts(Updates.text("my_trigger").inGroup(group))).containsExactly("trigger value");
    }

    @Test
    void scenario052_withoutAPackTriggersAndSubstringsPass() {
        long other = newGroup();
        givenTextAnswer(other, "TRIGGER", "my_trigger", "other chat's value");
        long group = newGroup();

        assertThat(send(Updates.text("my_trigger").inGroup(group))).isEmpty();
    }

    @Test
    void aPackThatIsNotTheDefaultOneIsIgnored() {
        long group = newGroup();
        long pack = givenPack(group);
        givenTextAnswer(group, "TRIGGER", "my_trigger", "value");
        DB.update("UPDATE answer_packs SET name = 'shared' WHERE id = ?", pack);

        assertThat(send(Updates.text("my_trigger").inGroup(group))).isEmpty();
    }

    @Test
    void scenario110_aLongTextAnswerIsSplitIntoSequentialReplies() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "long", "x".repeat(10_000));
        Updates.Builder message = Updates.text("long").inGroup(group);

        List<Answer> answers = send(message);
        assertThat(answers).extracting(answer -> answer.text().length()).containsExactly(4096, 4096, 1808);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.replyToMessageId()).isEqualTo(message.messageId());
            assertThat(answer.chatId()).isEqualTo(group);
        });
    }
}

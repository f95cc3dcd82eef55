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

/**
 * {@code редактирование} and {@code голосовые}: the [L] per-chat toggles (spec §4.3.1, §2.8) on the [H] model. Voices
 * come from the chat's own voice answers, edit replies from its own texts or a built-in few (docs/commands.md).
 */
class ReactionTogglesIT extends BotScenarioSupport {

    private static final Set<String> BUILT_IN_EDIT_ANSWERS = Set.of("Я все видел 👀", "Поздно, все уже прочитали",
            "Что это мы там исправляем?");

    private String only(long group, String text) {
        List<String> answers = texts(Updates.text(text).inGroup(group));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    private static Updates.Builder shortVoice(int seconds) {
        return Updates.message().field("voice",
                Map.of("file_id", "short-voice", "file_unique_id", "short-voice-u", "duration", seconds));
    }

    @Test
    void scenario121_editingToggleTurnsOnAndOff() {
        long group = newGroup();
        assertThat(only(group, "Хлеб редактирование")).startsWith("Включено")
                .isEqualTo("Включено реагирование на редактирование сообщений");
        assertThat(only(group, "Хлеб редактирование")).startsWith("Выключено")
                .isEqualTo("Выключено реагирование на редактирование сообщений");
        assertThat(DB.query("SELECT is_edited_trigger FROM chats WHERE chat_id = ?", group))
                .containsExactly(Map.of("is_edited_trigger", false));
    }

    @Test
    void scenario121_withTheToggleOnAnEditGetsABuiltInReplyUntilTheChatTeachesItsOwn() {
        long group = newGroup();
        Updates.Builder edit = Updates.text("опечатка исправлена").inGroup(group).from(TestUsers.BOB).edited();
        assertThat(send(edit)).isEmpty();

        only(group, "Хлеб редактирование");
        Updates.Builder again = Updates.text("опечатка исправлена").inGroup(group).from(TestUsers.BOB).edited();
        List<Answer> answers = send(again);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).text()).isIn(BUILT_IN_EDIT_ANSWERS);
        assertThat(answers.get(0).replyToMessageId()).isEqualTo(again.messageId());

        only(group, "Хлеб добавь ответ на редактирование Не исправляй, я все помню");
        assertThat(texts(Updates.text("ещё правка").inGroup(group).edited()))
                .containsExactly("Не исправляй, я все помню");
    }

    @Test
    void anEditedCommandRunsTheCommandInsteadOfTheEditReply() {
        long group = newGroup();
        only(group, "Хлеб редактирование");
        assertThat(texts(Updates.text("Хлеб скажи привет").inGroup(group).edited())).containsExactly("привет");
        // a parse error on an edit stays silent (spec §2.6) and is not answered as an edit either
        assertThat(send(Updates.text("Хлеб добавь").inGroup(group).edited())).isEmpty();
    }

    @Test
    void newMessagesAndIgnoredUsersGetNoEditReply() {
        long group = newGroup();
        only(group, "Хлеб редактирование");
        assertThat(send(Updates.text("просто сообщение").inGroup(group))).isEmpty();
        assertThat(send(Updates.text("правка").inGroup(group)
                .from(TestUsers.user(IGNORED_USER_ID, "Игнор", null, "ignored666")).edited())).isEmpty();
    }

    @Test
    void voicesToggleTurnsOnAndOff() {
        long group = newGroup();
        assertThat(only(group, "Хлеб голосовые")).isEqualTo("Включено реагирование на голосовые сообщения");
        assertThat(only(group, "Хлеб голосовые")).isEqualTo("Выключено реагирование на голосовые сообщения");
    }

    @Test
    void scenario122_withTheToggleOnAVoiceMessageGetsOneOfTheChatsVoices() {
        long group = newGroup();
        givenAnswer(group, "TRIGGER", "утро", "VOICE", "voice-1", "voice-1-u", null);
        givenAnswer(group, "SUBSTRING", "вечер", "VOICE", "voice-2", "voice-2-u", null);
        givenTextAnswer(group, "TRIGGER", "голос", "не голосовое");
        givenAnswer(group, "TRIGGER", "стикер", "STICKER", "sticker-1", "sticker-1-u", null);
        assertThat(send(Updates.voice("incoming", "incoming-u").inGroup(group))).isEmpty();

        only(group, "Хлеб голосовые");
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Updates.Builder voice = Updates.voice("incoming-" + i, "incoming-u-" + i).inGroup(group);
            List<Answer> answers = send(voice);
            assertThat(answers).hasSize(1);
            Answer answer = answers.get(0);
            assertThat(answer.method()).isEqualTo(ReplyMethod.SEND_VOICE);
            assertThat(answer.replyToMessageId()).isEqualTo(voice.messageId());
            sent.add(answer.fileId());
        }
        assertThat(sent).containsExactlyInAnyOrder("voice-1", "voice-2");
    }

    @Test
    void voicesShorterThanASecondEditedOrFromIgnoredUsersGetNoVoice() {
        long group = newGroup();
        givenAnswer(group, "TRIGGER", "утро", "VOICE", "voice-1", "voice-1-u", null);
        only(group, "Хлеб голосовые");

        assertThat(send(shortVoice(0).inGroup(group))).isEmpty();
        assertThat(send(shortVoice(1).inGroup(group))).hasSize(1);
        assertThat(send(Updates.voice("v", "v-u").inGroup(group).edited())).isEmpty();
        assertThat(send(Updates.voice("v", "v-u").inGroup(group)
                .from(TestUsers.user(IGNORED_USER_ID, "Игнор", null, "ignored666")))).isEmpty();
    }

    @Test
    void aChatWithoutVoiceAnswersStaysSilent() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "привет", "медвед");
        only(group, "Хлеб голосовые");
        assertThat(send(Updates.voice("v", "v-u").inGroup(group))).isEmpty();
    }

    @Test
    void theTogglesOfOneChatDoNotTouchAnother() {
        long group = newGroup();
        long other = newGroup();
        givenAnswer(other, "TRIGGER", "утро", "VOICE", "voice-1", "voice-1-u", null);
        only(group, "Хлеб голосовые");
        only(group, "Хлеб редактирование");
        assertThat(send(Updates.voice("v", "v-u").inGroup(other))).isEmpty();
        assertThat(send(Updates.text("правка").inGroup(other).edited())).isEmpty();
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code запомни}, {@code запомни триггер} and their aliases, from a replied-to message (spec §4.2.3–4.2.4). */
class RememberIT extends BotScenarioSupport {

    private String remember(long group, String command, Updates.Builder original) {
        List<String> answers = texts(Updates.text(command).inGroup(group).from(TestUsers.ALICE)
                .replyTo(original.from(TestUsers.BOB)));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    private void assertCompletion(String answer) {
        assertThat(Replies.completionPhrases()).contains(answer);
    }

    @Test
    void scenario027_aCaptionedPictureIsRememberedUnderEveryKeyInItsLargestSize() {
        long group = newGroup();
        assertCompletion(remember(group, "Хлеб запомни my_value, my_value1",
                Updates.photo("photo-id", "photo-u").caption("some_message_good")));

        assertThat(answerRows(group)).containsExactly(
                answerRow("my_value", "photo-id", "SUBSTRING", "PICTURE", "photo-u", "some_message_good"),
                answerRow("my_value1", "photo-id", "SUBSTRING", "PICTURE", "photo-u", "some_message_good"));
        assertThat(DB.query("SELECT p.answer_chance FROM answer_packs p JOIN answer_packs_to_chats l"
                + " ON l.pack_id = p.id JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ?", group))
                .containsExactly(Map.of("answer_chance", 100));
    }

    @Test
    void scenario028_aGifIsRememberedAsTriggers() {
        long group = newGroup();
        assertCompletion(remember(group, "Хлеб триггер my_value, my_value1", Updates.animation("gif-id", "gif-u")));

        assertThat(answerRows(group)).containsExactly(
                answerRow("my_value", "gif-id", "TRIGGER", "ANIMATION", "gif-u", null),
                answerRow("my_value1", "gif-id", "TRIGGER", "ANIMATION", "gif-u", null));
    }

    @Test
    void scenario029_aVoiceIsRememberedAsATrigger() {
        long group = newGroup();
        assertCompletion(remember(group, "Хлеб запомни триггер my_value", Updates.voice("voice-id", "voice-u")));

        assertThat(answerRows(group)).containsExactly(
                answerRow("my_value", "voice-id", "TRIGGER", "VOICE", "voice-u", null));
    }

    @Test
    void scenario030_rememberingTheSameStickerTwiceStoresItOnce() {
        long group = newGroup();
        remember(group, "Хлеб запомни my_value, my_value1", Updates.sticker("sticker-id", "sticker-u"));
        assertCompletion(remember(group, "Хлеб запомни my_value, my_value1",
                Updates.sticker("another-file-id-of-the-same-sticker", "sticker-u")));

        assertThat(answerRows(group)).containsExactly(
                answerRow("my_value", "sticker-id", "SUBSTRING", "STICKER", "sticker-u", null),
                answerRow("my_value1", "sticker-id", "SUBSTRING", "STICKER", "sticker-u", null));
    }

    @Test
    void scenario031_oneShortSubstringKeyRefusesTheWholeCommand() {
        long group = newGroup();
        assertThat(remember(group, "Хлеб запомни 1, 212", Updates.photo("photo-id", "photo-u")))
                .isEqualTo("Ключ для подстроки не может быть короче 3 символов");
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void scenario032_aTriggerKeyMayBeTwoCharactersLong() {
        long group = newGroup();
        assertCompletion(remember(group, "Хлеб триггер ab", Updates.photo("photo-id", "photo-u")));
        assertThat(answerRows(group)).containsExactly(
                answerRow("ab", "photo-id", "TRIGGER", "PICTURE", "photo-u", null));
    }

    @Test
    void scenario033_rememberingWithoutAReplyAsksForOne() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб запомни my_key").inGroup(group)))
                .containsExactly("Необходимо выбрать сообщение в качестве ответа для обработки");
        assertThat(texts(Updates.text("Хлеб триггер my_key").inGroup(group)))
                .containsExactly("Необходимо выбрать сообщение в качестве ответа для обработки");
        assertThat(answerRows(group)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"location", "poll", "document", "empty"})
    void scenario034_unsupportedRepliedContentIsRefused(String kind) {
        long group = newGroup();
        Updates.Builder original = switch (kind) {
            case "location" -> Updates.message().field("location", Map.of("latitude", 55.75, "longitude", 37.62));
            case "poll" -> Updates.message().field("poll", Map.of("id", "1", "question", "Хлеб?",
                    "options", List.of(Map.of("text", "да", "voter_count", 0)), "total_voter_count", 0));
            case "document" -> Updates.document("doc-id", "doc-u").caption("подпись");
            default -> Updates.message();
        };
        assertThat(remember(group, "Хлеб запомни abc", original)).isEqualTo("Данный тип данных не поддерживается");
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void everyAliasRemembers() {
        long group = newGroup();
        remember(group, "Хлеб запомни значение один", Updates.text("1"));
        remember(group, "Хлеб запомни подстроку два", Updates.text("2"));
        remember(group, "Хлеб подстрока три", Updates.text("3"));
        remember(group, "Хлеб запомни триггер четыре", Updates.text("4"));

        assertThat(answerRows(group)).containsExactly(
                answerRow("один", "1", "SUBSTRING", "TEXT", null, null),
                answerRow("два", "2", "SUBSTRING", "TEXT", null, null),
                answerRow("три", "3", "SUBSTRING", "TEXT", null, null),
                answerRow("четыре", "4", "TRIGGER", "TEXT", null, null));
    }

    @Test
    void videosVideoNotesAndTextsAreRemembered() {
        long group = newGroup();
        remember(group, "Хлеб запомни видео", Updates.video("video-id", "video-u").caption("кино"));
        remember(group, "Хлеб запомни кружок", Updates.videoNote("note-id", "note-u"));
        remember(group, "Хлеб запомни текст", Updates.text("Просто <b>текст</b>\nв две строки"));

        assertThat(answerRows(group)).containsExactly(
                answerRow("видео", "video-id", "SUBSTRING", "VIDEO", "video-u", "кино"),
                answerRow("кружок", "note-id", "SUBSTRING", "VIDEO_NOTE", "note-u", null),
                answerRow("текст", "Просто <b>текст</b>\nв две строки", "SUBSTRING", "TEXT", null, null));
    }

    @Test
    void aStickerTaughtAsTriggerComesBackWithSendSticker() {
        long group = newGroup();
        remember(group, "Хлеб запомни триггер Бутерброд", Updates.sticker("sticker-id", "sticker-u"));
        Updates.Builder message = Updates.text("бутерброд").inGroup(group).from(TestUsers.CAROL);

        assertThat(send(message)).containsExactly(
                Answer.media(group, ReplyMethod.SEND_STICKER, "sticker-id", null, message.messageId()));
    }

    @Test
    void aRememberedPictureComesBackWithItsCaption() {
        long group = newGroup();
        remember(group, "Хлеб запомни котик", Updates.photo("photo-id", "photo-u").caption("мяу"));
        Updates.Builder message = Updates.text("смотри котик пришёл").inGroup(group);

        assertThat(send(message)).containsExactly(
                Answer.media(group, ReplyMethod.SEND_PHOTO, "photo-id", "мяу", message.messageId()));
    }

    @Test
    void keysAreLowerCasedAndRepeatingThemInAnyCaseAddsNothing() {
        long group = newGroup();
        remember(group, "Хлеб запомни Привет, привет, ПРИВЕТ", Updates.text("Медвед"));
        remember(group, "Хлеб запомни ПрИвЕт", Updates.text("Медвед"));

        assertThat(answerRows(group)).containsExactly(answerRow("привет", "Медвед", "SUBSTRING", "TEXT", null, null));
    }

    @Test
    void theSameContentMayBeATriggerAndASubstringOfOneKey() {
        long group = newGroup();
        remember(group, "Хлеб триггер ключ", Updates.voice("voice-id", "voice-u"));
        remember(group, "Хлеб запомни ключ", Updates.voice("voice-id", "voice-u"));

        assertThat(answerRows(group)).containsExactly(
                answerRow("ключ", "voice-id", "TRIGGER", "VOICE", "voice-u", null),
                answerRow("ключ", "voice-id", "SUBSTRING", "VOICE", "voice-u", null));
    }

    @Test
    void aPictureStoredInItsSmallestSizeByTheOriginalIsRecognisedAsTheSame() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "котик", "PICTURE", "photo-id_s", "photo-u_s", null);
        remember(group, "Хлеб запомни котик, кот", Updates.photo("photo-id", "photo-u"));

        assertThat(answerRows(group)).containsExactly(
                answerRow("котик", "photo-id_s", "SUBSTRING", "PICTURE", "photo-u_s", null),
                answerRow("кот", "photo-id", "SUBSTRING", "PICTURE", "photo-u", null));
    }

    @Test
    void aKeyLongerThanTheColumnIsRefused() {
        long group = newGroup();
        assertThat(remember(group, "Хлеб триггер " + "к".repeat(256), Updates.text("v")))
                .isEqualTo("Ключ не может быть длиннее 255 символов");
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void anEditedRememberWithoutReplyStaysSilentButAnEditedValidOneRemembers() {
        long group = newGroup();
        assertThat(send(Updates.text("Хлеб запомни my_key").inGroup(group).edited())).isEmpty();
        List<String> answers = texts(Updates.text("Хлеб запомни my_key").inGroup(group)
                .replyTo(Updates.text("значение")).edited());
        assertThat(Replies.completionPhrases()).contains(answers.get(0));
        assertThat(answerRows(group)).containsExactly(answerRow("my_key", "значение", "SUBSTRING", "TEXT", null, null));
    }
}

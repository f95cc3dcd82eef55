package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** {@code удали} (spec §4.2.5) and {@code покажи ключи} (§4.2.10), both as replies to an answer's content. */
class DeleteAndShowKeysIT extends BotScenarioSupport {

    private List<String> replyWith(long group, String command, Updates.Builder original) {
        return texts(Updates.text(command).inGroup(group).from(TestUsers.ALICE).replyTo(original));
    }

    @Test
    void scenario035_deletingATextValueRemovesItAndNamesItsKeys() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "some_key", "text1");
        givenTextAnswer(group, "SUBSTRING", "other_key", "text2");

        assertThat(replyWith(group, "Хлеб удали", Updates.text("text1")))
                .containsExactly("Удалено это значение для ключей: [some_key]");
        assertThat(answerRows(group)).containsExactly(answerRow("other_key", "text2", "SUBSTRING", "TEXT", null, null));
    }

    @Test
    void scenario036_deletingInAChatWithoutPackIsRefused() {
        long group = newGroup();
        assertThat(replyWith(group, "Хлеб удали", Updates.text("что угодно")))
                .containsExactly("У чата нет ни одного пакета под управлением");
    }

    @Test
    void deletingRemovesTheContentUnderEveryKeyAndReactionButNothingElse() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "кот", "STICKER", "sticker-id", "sticker-u", null);
        givenAnswer(group, "TRIGGER", "котик", "STICKER", "sticker-id", "sticker-u", null);
        givenAnswer(group, "TRIGGER", "кот", "STICKER", "sticker-id", "sticker-u", null);
        givenAnswer(group, "TRIGGER", "пёс", "STICKER", "dog-id", "dog-u", null);
        givenTextAnswer(group, "TRIGGER", "sticker-id", "sticker-id");

        assertThat(replyWith(group, "Хлеб удали", Updates.sticker("a-new-file-id", "sticker-u")))
                .containsExactly("Удалено это значение для ключей: [кот, котик]");
        assertThat(answerRows(group)).containsExactly(
                answerRow("пёс", "dog-id", "TRIGGER", "STICKER", "dog-u", null),
                answerRow("sticker-id", "sticker-id", "TRIGGER", "TEXT", null, null));
    }

    @Test
    void deletingContentStoredNowhereNamesNoKeys() {
        long group = newGroup();
        givenPack(group);
        assertThat(replyWith(group, "Хлеб удали", Updates.voice("voice-id", "voice-u")))
                .containsExactly("Удалено это значение для ключей: []");
    }

    @Test
    void anyMemberMayDeleteWhatAnotherTaught() {
        long group = newGroup();
        texts(Updates.text("Хлеб добавь триггер привет=Медвед").inGroup(group).from(TestUsers.ALICE));

        assertThat(texts(Updates.text("Хлеб удали").inGroup(group).from(TestUsers.CAROL)
                .replyTo(Updates.text("Медвед").from(TestUsers.BOB))))
                .containsExactly("Удалено это значение для ключей: [привет]");
        assertThat(send(Updates.text("привет").inGroup(group))).isEmpty();
    }

    @Test
    void deletingAPictureFindsItByAnyOfItsSizes() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "старый", "PICTURE", "photo-id_s", "photo-u_s", null);
        givenAnswer(group, "SUBSTRING", "новый", "PICTURE", "photo-id", "photo-u", null);

        assertThat(replyWith(group, "Хлеб удали", Updates.photo("photo-id", "photo-u")))
                .containsExactly("Удалено это значение для ключей: [старый, новый]");
        assertThat(answerRows(group)).isEmpty();
    }

    @Test
    void deletingWithoutReplyOrWithUnsupportedContentIsRefused() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "a", "b");
        assertThat(texts(Updates.text("Хлеб удали").inGroup(group)))
                .containsExactly("Необходимо выбрать сообщение в качестве ответа для обработки");
        assertThat(replyWith(group, "Хлеб удали", Updates.document("doc-id", "doc-u")))
                .containsExactly("Данный тип данных не поддерживается");
        assertThat(answerRows(group)).hasSize(1);
    }

    @Test
    void scenario037_theKeysOfAPictureAreFoundByItsUniqueIdWhateverItsFileId() {
        long group = newGroup();
        givenAnswer(group, "SUBSTRING", "my_key", "PICTURE", "old-file-id", "photo-u", null);

        assertThat(replyWith(group, "Хлеб покажи ключи", Updates.photo("new-file-id", "photo-u")))
                .containsExactly("Перечень ключей на значение: [my_key]");
        assertThat(replyWith(group, "Хлеб show keys", Updates.photo("new-file-id", "photo-u")))
                .containsExactly("Перечень ключей на значение: [my_key]");
    }

    @Test
    void scenario038_contentStoredNowhereHasNoKeys() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "ключ", "значение");
        assertThat(replyWith(group, "Хлеб покажи ключи", Updates.text("другое значение")))
                .containsExactly("Не найдено ключей на выбранный контент");
    }

    @Test
    void showingKeysInAChatWithoutPackFindsNone() {
        long group = newGroup();
        assertThat(replyWith(group, "Хлеб покажи ключи", Updates.sticker("s", "s-u")))
                .containsExactly("Не найдено ключей на выбранный контент");
    }

    @Test
    void showingKeysListsTriggerAndSubstringKeysOnce() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "один", "ответ");
        givenTextAnswer(group, "SUBSTRING", "один", "ответ");
        givenTextAnswer(group, "SUBSTRING", "два", "ответ");
        givenTextAnswer(group, "SUBSTRING", "три", "другой ответ");

        assertThat(replyWith(group, "Хлеб покажи ключи", Updates.text("ответ")))
                .containsExactly("Перечень ключей на значение: [один, два]");
    }

    @Test
    void showingKeysNeedsAReply() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб покажи ключи").inGroup(group)))
                .containsExactly("Необходимо выбрать сообщение в качестве ответа для обработки");
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.store.ContentType;
import org.breadbot.processor.store.SameContent;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

class ReplyContentTest {

    private static Message message(Updates.Builder builder) {
        return Json.mapper().readValue(builder.json(), Update.class).effectiveMessage();
    }

    @Test
    void aPictureIsStoredInItsLargestSizeAndKnownByEverySize() {
        ReplyContent content = ReplyContent.of(message(Updates.photo("p", "u").caption("подпись"))).orElseThrow();

        assertThat(content).isEqualTo(new ReplyContent(ContentType.PICTURE, "p", "u", List.of("u_s", "u_m", "u"),
                "подпись"));
        assertThat(content.sameContent()).isEqualTo(SameContent.media(ContentType.PICTURE, List.of("u_s", "u_m", "u")));
    }

    @Test
    void voiceComesBeforeEverythingAndAnimationBeforeText() {
        Message both = message(Updates.voice("v", "vu").text("и текст"));
        assertThat(ReplyContent.of(both).orElseThrow().type()).isEqualTo(ContentType.VOICE);
        Message gif = message(Updates.animation("a", "au").caption("подпись"));
        assertThat(ReplyContent.of(gif).orElseThrow())
                .isEqualTo(new ReplyContent(ContentType.ANIMATION, "a", "au", List.of("au"), null));
    }

    @Test
    void aVideoKeepsItsCaptionAndAVideoNoteHasNone() {
        assertThat(ReplyContent.of(message(Updates.video("v", "vu").caption("кино"))).orElseThrow().description())
                .isEqualTo("кино");
        assertThat(ReplyContent.of(message(Updates.videoNote("n", "nu"))).orElseThrow().type())
                .isEqualTo(ContentType.VIDEO_NOTE);
    }

    @Test
    void aTextIsItsOwnValue() {
        ReplyContent content = ReplyContent.of(message(Updates.text("Привет"))).orElseThrow();
        assertThat(content).isEqualTo(new ReplyContent(ContentType.TEXT, "Привет", null, List.of(), null));
        assertThat(content.sameContent()).isEqualTo(SameContent.text("Привет"));
    }

    @Test
    void documentsEmptyMessagesAndForgedMediaAreNotSupported() {
        assertThat(ReplyContent.of(message(Updates.document("d", "du").caption("текст подписи")))).isEmpty();
        assertThat(ReplyContent.of(message(Updates.message()))).isEmpty();
        assertThat(ReplyContent.of(message(Updates.message().field("sticker", java.util.Map.of("file_id", "s")))))
                .isEmpty();
        assertThat(ReplyContent.of(null)).isEmpty();
    }
}

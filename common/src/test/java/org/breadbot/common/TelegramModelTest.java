package org.breadbot.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.Update;
import org.junit.jupiter.api.Test;

class TelegramModelTest {

    private static final String GROUP_REPLY = """
            {"update_id": 10001, "some_future_field": {"x": 1},
             "message": {"message_id": 7, "date": 1700000000, "new_field": true,
               "from": {"id": 42, "is_bot": false, "first_name": "Алиса", "username": "alice"},
               "chat": {"id": -1001234567890123, "type": "supergroup", "title": "Пекарня"},
               "text": "Хлеб запомни триггер",
               "reply_to_message": {"message_id": 6, "date": 1699999999,
                 "from": {"id": 43, "is_bot": false, "first_name": "Bob"},
                 "chat": {"id": -1001234567890123, "type": "supergroup"},
                 "photo": [{"file_id": "small", "file_unique_id": "u1", "width": 90, "height": 90},
                           {"file_id": "big", "file_unique_id": "u2", "width": 800, "height": 600, "file_size": 3000000000}],
                 "caption": "подпись"}}}
            """;

    @Test
    void updateIsReadWithSnakeCaseFieldsAndUnknownFieldsIgnored() {
        Update update = Json.mapper().readValue(GROUP_REPLY, Update.class);

        assertThat(update.updateId()).isEqualTo(10001);
        assertThat(update.isEdit()).isFalse();
        var message = update.effectiveMessage();
        assertThat(message.messageId()).isEqualTo(7);
        assertThat(message.chat().id()).isEqualTo(-1001234567890123L);
        assertThat(message.chat().isGroup()).isTrue();
        assertThat(message.from().isBot()).isFalse();
        assertThat(message.from().firstName()).isEqualTo("Алиса");
        assertThat(message.replyToMessage().photo()).extracting(p -> p.fileId()).containsExactly("small", "big");
        assertThat(message.replyToMessage().photo().get(1).fileSize()).isEqualTo(3_000_000_000L);
        assertThat(message.replyToMessage().caption()).isEqualTo("подпись");
    }

    @Test
    void editedMessageIsTheEffectiveOne() {
        Update update = Json.mapper().readValue("""
                {"update_id": 1, "edited_message": {"message_id": 3, "date": 1, "edit_date": 2,
                 "chat": {"id": 5, "type": "private"}, "from": {"id": 5, "is_bot": false, "first_name": "A"}}}
                """, Update.class);

        assertThat(update.isEdit()).isTrue();
        assertThat(update.effectiveMessage().editDate()).isEqualTo(2L);
        assertThat(update.effectiveMessage().textOrEmpty()).isEmpty();
        assertThat(update.effectiveMessage().chat().isGroup()).isFalse();
    }

    @Test
    void replyCommandSurvivesAJsonRoundTrip() {
        ReplyCommand reply = ReplyCommand.media(ReplyCommand.idFor(-100, 5, 1), -100, ReplyMethod.SEND_STICKER,
                "file", null, 9, 5, Instant.parse("2026-01-01T00:00:00Z"));

        String json = Json.mapper().writeValueAsString(reply);
        ReplyCommand back = Json.mapper().readValue(json, ReplyCommand.class);

        assertThat(back).isEqualTo(reply);
        assertThat(json).contains("\"id\":\"-100:5:1\"").contains("\"method\":\"SEND_STICKER\"")
                .doesNotContain("\"text\"");
    }

    @Test
    void aChatIdGivenAsAStringOrAFractionIsNotReadAsAnInteger() {
        String reply = Json.mapper().writeValueAsString(ReplyCommand.text(ReplyCommand.idFor(-100, 5, 0), -100, "x",
                null, 5, Instant.parse("2026-01-01T00:00:00Z")));
        for (String id : new String[] {"\"-100\"", "-100.0"}) {
            String changed = reply.replace("\"chatId\":-100", "\"chatId\":" + id);
            assertThat(changed).as("the reply's JSON names chatId").isNotEqualTo(reply);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> Json.mapper().readValue(changed, ReplyCommand.class)).as(id)
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.mapper().readValue(
                    GROUP_REPLY.replace("-1001234567890123", id), Update.class)).as(id)
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
        }
    }
}

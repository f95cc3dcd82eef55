package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UpdatesTest {

    private static JsonNode parse(String json) {
        return Json.mapper().readTree(json);
    }

    @Test
    void textInGroupUsesTelegramFieldNames() {
        JsonNode update = parse(Updates.text("Хлеб топ").inGroup(-100L).from(TestUsers.ALICE).id(42).messageId(7).json());

        assertThat(update.get("update_id").asLong()).isEqualTo(42);
        JsonNode message = update.get("message");
        assertThat(message.get("message_id").asInt()).isEqualTo(7);
        assertThat(message.get("text").asString()).isEqualTo("Хлеб топ");
        assertThat(message.get("from").get("id").asLong()).isEqualTo(TestUsers.ALICE.id());
        assertThat(message.get("from").get("first_name").asString()).isEqualTo("Alice");
        assertThat(message.get("from").get("username").asString()).isEqualTo("alice");
        assertThat(message.get("from").get("is_bot").asBoolean()).isFalse();
        assertThat(message.get("chat").get("id").asLong()).isEqualTo(-100L);
        assertThat(message.get("chat").get("type").asString()).isEqualTo("group");
        assertThat(message.get("chat").get("title").asString()).isNotBlank();
        assertThat(message.has("entities")).isFalse();
    }

    @Test
    void supergroupIdsGetSupergroupType() {
        JsonNode chat = parse(Updates.text("x").inGroup(-1001234567890L, "Bakery").json()).get("message").get("chat");

        assertThat(chat.get("type").asString()).isEqualTo("supergroup");
        assertThat(chat.get("title").asString()).isEqualTo("Bakery");
    }

    @Test
    void privateChatIdIsTheSendersId() {
        JsonNode chat = parse(Updates.text("hi").inGroup(-5L).from(TestUsers.BOB).privateChat().json())
                .get("message").get("chat");

        assertThat(chat.get("id").asLong()).isEqualTo(TestUsers.BOB.id());
        assertThat(chat.get("type").asString()).isEqualTo("private");
        assertThat(chat.get("first_name").asString()).isEqualTo("Bob");
        assertThat(chat.has("title")).isFalse();
    }

    @Test
    void idsAutoIncrementAndStayStableAcrossRenders() {
        Updates.Builder first = Updates.text("a");
        Updates.Builder second = Updates.text("b");

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.messageId()).isGreaterThan(first.messageId());
        assertThat(first.json()).isEqualTo(first.json());
    }

    @Test
    void dateIsNowInEpochSeconds() {
        long date = parse(Updates.text("a").json()).get("message").get("date").asLong();

        assertThat(date).isBetween(Instant.now().getEpochSecond() - 5, Instant.now().getEpochSecond());
    }

    @Test
    void replyNestsOneLevelInTheSameChat() {
        Updates.Builder sticker = Updates.sticker("file-id", "uniq").from(TestUsers.BOB)
                .replyTo(Updates.text("deeper"));
        JsonNode message = parse(Updates.text("Хлеб запомни").inGroup(-7L).replyTo(sticker).json()).get("message");

        JsonNode reply = message.get("reply_to_message");
        assertThat(reply.get("message_id").asInt()).isEqualTo(sticker.messageId());
        assertThat(reply.get("from").get("id").asLong()).isEqualTo(TestUsers.BOB.id());
        assertThat(reply.get("chat").get("id").asLong()).isEqualTo(-7L);
        assertThat(reply.get("sticker").get("file_id").asString()).isEqualTo("file-id");
        assertThat(reply.get("sticker").get("file_unique_id").asString()).isEqualTo("uniq");
        assertThat(reply.has("reply_to_message")).isFalse();
    }

    @Test
    void editedGoesUnderEditedMessageWithEditDate() {
        JsonNode update = parse(Updates.text("fixed").date(1_700_000_000L).edited().json());

        assertThat(update.has("message")).isFalse();
        JsonNode message = update.get("edited_message");
        assertThat(message.get("edit_date").asLong()).isGreaterThanOrEqualTo(message.get("date").asLong());
        assertThat(UpdateEnvelope.of(update).orElseThrow().type()).isEqualTo("edited_message");
    }

    @Test
    void commandsCarryABotCommandEntity() {
        JsonNode entity = parse(Updates.text("/start@bread_bot now").json()).get("message").get("entities").get(0);

        assertThat(entity.get("type").asString()).isEqualTo("bot_command");
        assertThat(entity.get("offset").asInt()).isZero();
        assertThat(entity.get("length").asInt()).isEqualTo("/start@bread_bot".length());
    }

    @Test
    void mediaBuildersProduceTelegramObjects() {
        JsonNode photo = parse(Updates.photo("p", "pu").caption("хлеб").json()).get("message");
        assertThat(photo.get("photo").isArray()).isTrue();
        assertThat(photo.get("photo").size()).isEqualTo(3);
        assertThat(photo.get("photo").get(2).get("file_id").asString()).isEqualTo("p");
        assertThat(photo.get("photo").get(2).get("width").asInt()).isGreaterThan(photo.get("photo").get(0).get("width").asInt());
        assertThat(photo.get("caption").asString()).isEqualTo("хлеб");

        JsonNode voice = parse(Updates.voice("v", "vu").json()).get("message").get("voice");
        assertThat(voice.get("file_id").asString()).isEqualTo("v");
        assertThat(voice.get("duration").asInt()).isPositive();
        assertThat(voice.get("mime_type").asString()).isEqualTo("audio/ogg");

        JsonNode animation = parse(Updates.animation("a", "au").json()).get("message");
        assertThat(animation.get("animation").get("file_unique_id").asString()).isEqualTo("au");
        assertThat(animation.get("document").get("file_id").asString()).isEqualTo("a");

        assertThat(parse(Updates.video("vi", "viu").json()).get("message").get("video").get("file_id").asString())
                .isEqualTo("vi");
        JsonNode note = parse(Updates.videoNote("n", "nu").json()).get("message").get("video_note");
        assertThat(note.get("file_unique_id").asString()).isEqualTo("nu");
        assertThat(note.get("length").asInt()).isPositive();
        assertThat(parse(Updates.document("d", "du").json()).get("message").get("document").get("file_name").asString())
                .isNotBlank();
    }

    @Test
    void bindsToTheCommonModel() {
        Updates.Builder original = Updates.voice("v", "vu").from(TestUsers.noUsername(77, "Ivan"));
        byte[] bytes = Updates.sticker("s", "su").inGroup(-1001L).replyTo(original).bytes();

        Update update = Json.mapper().readValue(new String(bytes, StandardCharsets.UTF_8), Update.class);
        Message message = update.effectiveMessage();
        assertThat(message.chat().isGroup()).isTrue();
        assertThat(message.sticker().fileId()).isEqualTo("s");
        assertThat(message.replyToMessage().voice().fileUniqueId()).isEqualTo("vu");
        assertThat(message.replyToMessage().from().username()).isNull();
        assertThat(UpdateEnvelope.of(Json.mapper().readTree(bytes)).orElseThrow().key()).isEqualTo(-1001L);
    }

    @Test
    void extraFieldsAreAddedVerbatim() {
        JsonNode message = parse(Updates.message()
                .field("location", java.util.Map.of("latitude", 55.75, "longitude", 37.62)).json()).get("message");

        assertThat(message.get("location").get("latitude").asDouble()).isEqualTo(55.75);
        assertThat(message.has("text")).isFalse();
    }
}

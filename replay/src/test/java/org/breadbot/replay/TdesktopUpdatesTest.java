package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.testsupport.BotApiSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A hand-made export with every message shape (tdesktop/result.json), and broken exports. */
class TdesktopUpdatesTest {

    static final long CHAT = -1_001_987_654_321L;
    private static List<TdesktopUpdates.Imported> imported;
    private static Map<Long, JsonNode> byId;
    private static TdesktopExport.Summary summary;

    @TempDir
    Path dir;

    static Path sample() {
        try {
            return Path.of(TdesktopUpdatesTest.class.getResource("/tdesktop/result.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void readTheSample() {
        imported = new ArrayList<>();
        summary = new TdesktopExport(sample(), null, ZoneOffset.UTC).read(imported::add);
        byId = imported.stream().collect(Collectors.toMap(TdesktopUpdates.Imported::messageId,
                update -> update.update().get("message")));
    }

    @Test
    void everyMessageBecomesAMessageUpdateOfTheSupergroupWithTheMessageIdAsUpdateId() {
        assertThat(summary.messages()).isEqualTo(27).isEqualTo(imported.size());
        assertThat(summary.chat()).isEqualTo(new TdesktopUpdates.Chat(CHAT, "supergroup", "Пекарня на Лесной"));
        for (TdesktopUpdates.Imported update : imported) {
            UpdateEnvelope envelope = UpdateEnvelope.of(update.update()).orElseThrow();
            assertThat(envelope.updateId()).isEqualTo(update.messageId());
            assertThat(envelope.type()).isEqualTo("message");
            assertThat(envelope.key()).isEqualTo(CHAT);
        }
        assertThat(imported).extracting(TdesktopUpdates.Imported::messageId).isSorted();
    }

    @Test
    void everyUpdateHasTheShapeOfABotApiMessage() {
        for (TdesktopUpdates.Imported update : imported) {
            assertThat(BotApiSpec.current().problemsOfType("Message", update.update().get("message")))
                    .as(update.update().toString()).isEmpty();
        }
    }

    @Test
    void aPlainMessageHasItsSenderTextAndUnixTime() {
        JsonNode message = byId.get(102L);
        assertThat(message.path("text").asString()).isEqualTo("Доброе утро, пекарня!");
        assertThat(message.path("from").path("id").asLong()).isEqualTo(1001);
        assertThat(message.path("from").path("first_name").asString()).isEqualTo("Алиса");
        assertThat(message.path("date").asLong()).isEqualTo(1_793_599_500L);
        assertThat(imported.get(1).epochSeconds()).isEqualTo(1_793_599_500L);
    }

    @Test
    void aTextOfPartsIsJoinedAndItsEntitiesCountUtf16Units() {
        JsonNode message = byId.get(105L);
        assertThat(message.path("text").asString()).isEqualTo("Свежий бородинский на сайте");
        assertThat(message.path("entities").toString()).isEqualTo("[{\"type\":\"bold\",\"offset\":7,\"length\":11},"
                + "{\"type\":\"text_link\",\"offset\":22,\"length\":5,\"url\":\"https://bread.example.org/\"}]");
        JsonNode mention = byId.get(108L).path("entities").get(0);
        assertThat(mention.path("type").asString()).isEqualTo("text_mention");
        assertThat(mention.path("user").path("id").asLong()).isEqualTo(1001);
        assertThat(byId.get(126L).path("entities").get(0).path("type").asString()).isEqualTo("code");
    }

    @Test
    void aReplyCarriesTheMessageItAnswersAndAnEditItsEditDate() {
        JsonNode reply = byId.get(106L).path("reply_to_message");
        assertThat(reply.path("message_id").asLong()).isEqualTo(105);
        assertThat(reply.path("text").asString()).isEqualTo("Свежий бородинский на сайте");
        assertThat(reply.path("from").path("id").asLong()).isEqualTo(1002);
        assertThat(byId.get(113L).path("edit_date").asLong()).isEqualTo(byId.get(113L).path("date").asLong() + 300);
    }

    @Test
    void mediaBecomeTheirBotApiFieldsWithTheTextAsCaption() {
        JsonNode photo = byId.get(110L);
        assertThat(photo.path("photo").get(0).path("file_id").asString())
                .isEqualTo("tdesktop:photos/photo_1@03-11-2026_10-00-00.jpg");
        assertThat(photo.path("caption").asString()).isEqualTo("Вот он");
        assertThat(photo.has("text")).isFalse();
        assertThat(byId.get(111L).path("sticker").path("emoji").asString()).isEqualTo("😋");
        assertThat(byId.get(112L).path("voice").path("duration").asInt()).isEqualTo(4);
        assertThat(byId.get(115L).path("video_note").path("length").asInt()).isEqualTo(384);
        assertThat(byId.get(116L).has("animation")).isTrue();
        assertThat(byId.get(117L).path("document").path("file_name").asString()).isEqualTo("recipe.pdf");
        assertThat(byId.get(120L).path("poll").path("options")).hasSize(2);
        assertThat(byId.get(121L).path("location").path("latitude").asDouble()).isEqualTo(55.7558);
        assertThat(byId.get(122L).path("contact").path("phone_number").asString()).isEqualTo("+70000000000");
        assertThat(byId.get(118L).path("forward_origin").path("sender_user_name").asString())
                .isEqualTo("Хлебный канал");
    }

    @Test
    void anAnonymousAdminPostsAsTheChatAndServiceMessagesKeepWhoAndWhat() {
        assertThat(byId.get(119L).path("sender_chat").path("id").asLong()).isEqualTo(CHAT);
        assertThat(byId.get(119L).has("from")).isFalse();
        assertThat(byId.get(107L).path("new_chat_members").get(0).path("id").asLong()).isEqualTo(1003);
        assertThat(byId.get(101L).path("pinned_message").path("message_id").asLong()).isEqualTo(7);
        assertThat(byId.get(127L).path("new_chat_title").asString()).isEqualTo("Пекарня на Лесной, 1");
        assertThat(byId.get(127L).path("from").path("id").asLong()).isEqualTo(1002);
    }

    @Test
    void theChatIdCanBeGivenAndChannelsGetChannelPosts() throws IOException {
        List<TdesktopUpdates.Imported> updates = new ArrayList<>();
        new TdesktopExport(write("""
                {"name": "Хлебный канал", "type": "public_channel", "id": 42,
                 "messages": [{"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "Хлебный канал",
                               "from_id": "channel42", "text": "пост"}]}"""), -100_77L, ZoneOffset.UTC)
                .read(updates::add);
        JsonNode update = updates.get(0).update();
        assertThat(update.path("channel_post").path("chat").path("id").asLong()).isEqualTo(-100_77L);
        assertThat(update.path("channel_post").path("chat").path("type").asString()).isEqualTo("channel");
    }

    @Test
    void anOldExportWithoutUnixTimesIsReadInTheGivenZone() throws IOException {
        List<TdesktopUpdates.Imported> updates = new ArrayList<>();
        new TdesktopExport(write("""
                {"name": "Чат", "type": "private_group", "id": 5, "messages": [
                 {"id": 1, "type": "message", "date": "2020-01-01T03:00:00", "from": "Алиса", "from_id": "user1",
                  "text": "с новым годом"}]}"""), null, ZoneId.of("Europe/Moscow")).read(updates::add);
        assertThat(updates.get(0).epochSeconds()).isEqualTo(1_577_836_800L);
        assertThat(updates.get(0).update().path("message").path("chat").path("id").asLong()).isEqualTo(-5);
    }

    @Test
    void aBadMessageIsReportedWithItsLineAndNothingAfterItIsRead() throws IOException {
        Path file = write("""
                {"name": "Чат", "type": "private_supergroup", "id": 5, "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "А", "from_id": "user1", "text": "a"},
                 {"id": 2, "type": "message", "date_unixtime": "1700000001", "from": "Б", "from_id": "bob", "text": "b"},
                 {"id": 3, "type": "message", "date_unixtime": "1700000002", "from": "В", "from_id": "user3", "text": "c"}
                ]}""");
        List<TdesktopUpdates.Imported> seen = new ArrayList<>();

        assertThatThrownBy(() -> new TdesktopExport(file, null, ZoneOffset.UTC).read(seen::add))
                .isInstanceOf(ToolException.class)
                .hasMessage(file + ":3:2: message 2: from_id \"bob\" is not user<digits>, channel<digits> or "
                        + "chat<digits>");
        assertThat(seen).hasSize(1);
    }

    @Test
    void brokenAndForeignFilesGetAClearErrorWithTheirLine() throws IOException {
        assertThat(problemOf("""
                {"name": "Чат", "type": "private_supergroup", "id": 5, "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "обрыв""")).startsWith(":2:")
                .contains("not valid JSON: Unexpected end-of-input").doesNotContain("start marker")
                .endsWith("; is the export complete?");
        assertThat(problemOf("[1, 2]")).contains("the file must hold one JSON object");
        assertThat(problemOf("{\"about\": \"x\", \"chats\": {\"list\": []}}")).contains("a whole-account export");
        assertThat(problemOf("{\"name\": \"Чат\", \"type\": \"private_group\", \"id\": 5}"))
                .contains("no \"messages\" array");
        assertThat(problemOf("{\"name\": \"Чат\", \"type\": \"secret_chat\", \"id\": 5, \"messages\": []}"))
                .contains("chat type \"secret_chat\"");
        assertThat(problemOf("{\"messages\": [], \"name\": \"Чат\", \"type\": \"private_group\", \"id\": 5}"))
                .contains("must come before \"messages\"");
        assertThat(problemOf("""
                {"name": "Чат", "type": "private_group", "id": 5, "messages": [
                 {"id": 1, "type": "message", "from": "А", "from_id": "user1", "text": "a"}]}"""))
                .isEqualTo(":2:2: message 1: neither date_unixtime nor a date like 2024-05-01T12:00:00 (\"\")");
        assertThat(problemOf("""
                {"name": "Чат", "type": "private_group", "id": 5, "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": {"x": 1}}]}"""))
                .endsWith("message 1: text is neither a string nor an array");
        assertThat(problemOf("""
                {"name": "Чат", "type": "private_group", "id": 5, "messages": [{"id": "1", "type": "message"}]}"""))
                .endsWith("\"id\" is missing or not an integer");
        assertThat(problemOf("""
                {"name": "Чат", "type": "private_group", "id": 5, "messages": [{"id": 1, "type": "sticker"}]}"""))
                .endsWith("type \"sticker\" is neither message nor service");
        assertThat(problemOf("{\"name\": \"Чат\", \"type\": \"private_group\", \"id\": 5, \"messages\": []} {}"))
                .contains("more after the export's closing brace");
    }

    @Test
    void aMissingFileIsSaidSo() {
        assertThatThrownBy(() -> new TdesktopExport(dir.resolve("nope.json"), null, ZoneOffset.UTC).read(x -> { }))
                .hasMessageStartingWith("no such file: ");
    }

    /** The problem's text after the file name. */
    private String problemOf(String json) throws IOException {
        Path file = write(json);
        try {
            new TdesktopExport(file, null, ZoneOffset.UTC).read(update -> { });
        } catch (ToolException e) {
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("no problem found in " + json);
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "result", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}

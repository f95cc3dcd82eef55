package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.standalone.playground.BotApiEmulator.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BotApiEmulatorTest {

    private static final String TOKEN = BotApiEmulator.TOKEN;
    private static final long GROUP = -1_001_000_000_001L;

    private final ChatBook chats = new ChatBook();
    private final List<ObjectNode> sent = new ArrayList<>();
    private final List<String> contents = new ArrayList<>();
    private final BotApiEmulator emulator = new BotApiEmulator("Хлеб", "bread_bot", chats, MediaCatalogue.load(),
            (message, content) -> {
                sent.add(message);
                contents.add(content);
            });

    private static ObjectNode params(String json) {
        return (ObjectNode) Json.mapper().readTree(json);
    }

    private Answer call(String method, String json) {
        return emulator.call(TOKEN, method, params(json));
    }

    @Test
    void getMeAnswersInTelegramsEnvelope() {
        Answer answer = call("getMe", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("ok").asBoolean()).isTrue();
        assertThat(answer.body().path("result").path("id").asLong()).isEqualTo(BotApiEmulator.BOT_ID);
        assertThat(answer.body().path("result").path("is_bot").asBoolean()).isTrue();
        assertThat(answer.body().path("result").path("username").asString()).isEqualTo("bread_bot");
        assertThat(answer.body().path("result").path("first_name").asString()).isEqualTo("Хлеб");
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        Answer answer = emulator.call("123:wrong", "getMe", params("{}"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().toString()).isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }

    @Test
    void unknownMethodsAreNotFoundAndNamesAreCaseInsensitive() {
        assertThat(call("getUpdatez", "{}").body().toString())
                .isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        assertThat(call("SENDMESSAGE", "{\"chat_id\":1,\"text\":\"x\"}").ok()).isTrue();
    }

    @Test
    void sendMessageReturnsTheMessageWithTheChatsNextId() {
        int before = chats.nextMessageId(GROUP, 0);

        Answer answer = call("sendMessage", "{\"chat_id\":" + GROUP + ",\"text\":\"медвед\","
                + "\"reply_parameters\":{\"message_id\":" + before + ",\"allow_sending_without_reply\":true}}");

        JsonNode message = answer.body().path("result");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(message.path("message_id").asInt()).isEqualTo(before + 1);
        assertThat(message.path("chat").path("id").asLong()).isEqualTo(GROUP);
        assertThat(message.path("chat").path("type").asString()).isEqualTo("supergroup");
        assertThat(message.path("from").path("is_bot").asBoolean()).isTrue();
        assertThat(message.path("text").asString()).isEqualTo("медвед");
        assertThat(message.path("reply_to_message").path("message_id").asInt()).isEqualTo(before);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isEqualTo(message);
        assertThat(contents).containsExactly("медвед");
    }

    @Test
    void messageIdsAreCountedPerChatAndSharedWithThePage() {
        long other = -42;
        assertThat(chats.nextMessageId(GROUP, 10)).isEqualTo(11);

        int first = call("sendMessage", "{\"chat_id\":" + GROUP + ",\"text\":\"a\"}").body().path("result")
                .path("message_id").asInt();
        int elsewhere = call("sendMessage", "{\"chat_id\":" + other + ",\"text\":\"b\"}").body().path("result")
                .path("message_id").asInt();
        int next = chats.nextMessageId(GROUP, 0);

        assertThat(first).isEqualTo(12);
        assertThat(elsewhere).isEqualTo(1);
        assertThat(next).isEqualTo(13);
    }

    @Test
    void updateIdsStartAtTheEpochSecondAndOnlyGrow() {
        long now = java.time.Instant.now().getEpochSecond();
        long first = chats.nextUpdateId(0);
        chats.updateIdSeen(first + 100);

        assertThat(first).isBetween(now - 5, now + 5);
        assertThat(chats.nextUpdateId(0)).isEqualTo(first + 101);
        assertThat(chats.nextUpdateId(first + 500)).isEqualTo(first + 501);
    }

    @Test
    void aReplyToAnUnknownMessageFailsUnlessAllowedWithout() {
        Answer refused = call("sendMessage", "{\"chat_id\":5,\"text\":\"x\",\"reply_parameters\":{\"message_id\":999}}");
        Answer allowed = call("sendMessage", "{\"chat_id\":5,\"text\":\"x\","
                + "\"reply_parameters\":{\"message_id\":999,\"allow_sending_without_reply\":true}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("description").asString()).isEqualTo("Bad Request: message to be replied not found");
        assertThat(allowed.ok()).isTrue();
        assertThat(allowed.body().path("result").has("reply_to_message")).isFalse();
    }

    @Test
    void sendMessageValidatesLikeTelegram() {
        assertThat(call("sendMessage", "{\"text\":\"x\"}").body().path("description").asString())
                .isEqualTo("Bad Request: chat_id is empty");
        assertThat(call("sendMessage", "{\"chat_id\":\"@nobody\",\"text\":\"x\"}").body().path("description")
                .asString()).isEqualTo("Bad Request: chat not found");
        assertThat(call("sendMessage", "{\"chat_id\":1}").body().path("description").asString())
                .isEqualTo("Bad Request: message text is empty");
        assertThat(call("sendMessage", "{\"chat_id\":1,\"text\":\"" + "я".repeat(4097) + "\"}").body()
                .path("description").asString()).isEqualTo("Bad Request: message is too long");
        assertThat(call("sendMessage", "{\"chat_id\":1,\"text\":\"x\",\"parse_mode\":\"BBCode\"}").body()
                .path("description").asString()).isEqualTo("Bad Request: unsupported parse_mode");
        assertThat(call("sendMessage", "{\"chat_id\":1,\"text\":\"<script>x</script>\",\"parse_mode\":\"HTML\"}")
                .body().path("description").asString())
                .isEqualTo("Bad Request: can't parse entities: Unsupported start tag \"script\" at byte offset 0");
        assertThat(sent).isEmpty();
    }

    @Test
    void parseModeBecomesEntitiesAsTheBotApiReturnsThem() {
        JsonNode message = call("sendMessage", "{\"chat_id\":1,\"text\":\"<b>жирный</b> &lt;i&gt;\","
                + "\"parse_mode\":\"HTML\"}").body().path("result");

        assertThat(message.path("text").asString()).isEqualTo("жирный <i>");
        assertThat(message.path("entities").toString())
                .isEqualTo("[{\"type\":\"bold\",\"offset\":0,\"length\":6}]");
        assertThat(contents).containsExactly("<b>жирный</b> &lt;i&gt;");
    }

    @Test
    void explicitEntitiesWinOverParseModeAndOutOfRangeOnesAreDropped() {
        JsonNode message = call("sendMessage", "{\"chat_id\":1,\"text\":\"@alice Вера\",\"parse_mode\":\"HTML\","
                + "\"entities\":[{\"type\":\"mention\",\"offset\":0,\"length\":6},"
                + "{\"type\":\"text_mention\",\"offset\":7,\"length\":4,\"user\":{\"id\":1003,\"first_name\":\"Вера\"}},"
                + "{\"type\":\"bold\",\"offset\":9,\"length\":50}]}").body().path("result");

        assertThat(message.path("entities")).hasSize(2);
        assertThat(message.path("entities").get(1).path("user").path("id").asLong()).isEqualTo(1003);
    }

    @Test
    void mediaMethodsReturnTheMediaByFileId() {
        JsonNode sticker = call("sendSticker", "{\"chat_id\":1,\"sticker\":\"pg_sticker_bread\"}").body().path("result");
        JsonNode photo = call("sendPhoto", "{\"chat_id\":1,\"photo\":\"pg_photo_loaf\",\"caption\":\"<i>x</i>\","
                + "\"parse_mode\":\"HTML\"}").body().path("result");
        JsonNode voice = call("sendVoice", "{\"chat_id\":1,\"voice\":\"someone-elses-file\"}").body().path("result");

        assertThat(sticker.path("sticker").path("file_id").asString()).isEqualTo("pg_sticker_bread");
        assertThat(sticker.path("sticker").path("file_unique_id").asString()).isEqualTo("pgu_sticker_bread");
        assertThat(sticker.path("sticker").path("emoji").asString()).isEqualTo("🍞");
        assertThat(photo.path("photo")).hasSize(2);
        assertThat(photo.path("photo").get(1).path("file_id").asString()).isEqualTo("pg_photo_loaf");
        assertThat(photo.path("caption").asString()).isEqualTo("x");
        assertThat(photo.path("caption_entities").get(0).path("type").asString()).isEqualTo("italic");
        assertThat(voice.path("voice").path("file_id").asString()).isEqualTo("someone-elses-file");
        assertThat(contents).containsExactly("pg_sticker_bread", "pg_photo_loaf", "someone-elses-file");
    }

    @Test
    void aForumTopicTakesMessagesAndEchoesItsThreadOtherThreadsAreNotFound() {
        long forum = -1_001_000_000_777L;
        chats.describe(forum, params("{\"id\":" + forum + ",\"type\":\"supergroup\",\"title\":\"F\",\"is_forum\":true}"));
        int topic = chats.openTopic(forum, 0).orElseThrow();

        JsonNode inTopic = call("sendSticker", "{\"chat_id\":" + forum + ",\"message_thread_id\":" + topic
                + ",\"sticker\":\"pg_sticker_bread\"}").body().path("result");
        JsonNode general = call("sendMessage", "{\"chat_id\":" + forum + ",\"text\":\"x\"}").body().path("result");

        assertThat(inTopic.path("message_thread_id").asInt()).isEqualTo(topic);
        assertThat(inTopic.path("is_topic_message").asBoolean()).isTrue();
        assertThat(inTopic.path("chat").path("is_forum").asBoolean()).isTrue();
        assertThat(general.has("message_thread_id")).isFalse();
        for (String thread : new String[] {"0", "-1", String.valueOf(topic + 1000), "\"x\"", "1.5"}) {
            Answer refused = call("sendMessage", "{\"chat_id\":" + forum + ",\"message_thread_id\":" + thread
                    + ",\"text\":\"x\"}");
            assertThat(refused.status()).as(thread).isEqualTo(400);
            assertThat(refused.body().path("description").asString())
                    .isEqualTo("Bad Request: message thread not found");
        }
        assertThat(call("sendMessage", "{\"chat_id\":" + GROUP + ",\"message_thread_id\":" + topic
                + ",\"text\":\"x\"}").status()).as("not a topic of that chat").isEqualTo(400);
        assertThat(chats.openTopic(GROUP, 0)).as("an ordinary group has no topics").isEmpty();
    }

    @Test
    void everySendMethodTheSenderUsesIsServed() {
        String[][] methods = {
            {"sendPhoto", "photo"}, {"sendVoice", "voice"}, {"sendSticker", "sticker"},
            {"sendAnimation", "animation"}, {"sendVideo", "video"}, {"sendVideoNote", "video_note"}};
        for (String[] method : methods) {
            Answer answer = call(method[0], "{\"chat_id\":-7,\"" + method[1] + "\":\"f\"}");
            assertThat(answer.ok()).as(method[0]).isTrue();
            assertThat(answer.body().path("result").has(method[1])).as(method[0]).isTrue();
            assertThat(call(method[0], "{\"chat_id\":-7}").body().path("description").asString())
                    .isEqualTo("Bad Request: there is no " + method[1] + " in the request");
        }
    }

    @Test
    void webhookMethods() {
        assertThat(call("getWebhookInfo", "{}").body().path("result").path("url").asString()).isEmpty();
        assertThat(call("setWebhook", "{\"url\":\"https://example.org/hook\",\"secret_token\":\"bad secret!\"}")
                .body().path("description").asString()).isEqualTo("Bad Request: secret token contains unallowed characters");

        Answer set = call("setWebhook", "{\"url\":\"https://example.org/hook\",\"secret_token\":\"s_1\","
                + "\"allowed_updates\":[\"message\"]}");
        JsonNode info = call("getWebhookInfo", "{}").body().path("result");

        assertThat(set.body().toString()).isEqualTo("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}");
        assertThat(info.path("url").asString()).isEqualTo("https://example.org/hook");
        assertThat(info.path("pending_update_count").asInt()).isZero();
        assertThat(info.path("allowed_updates").get(0).asString()).isEqualTo("message");
        assertThat(call("deleteWebhook", "{}").body().path("description").asString()).isEqualTo("Webhook was deleted");
        assertThat(call("deleteWebhook", "{}").body().path("description").asString())
                .isEqualTo("Webhook is already deleted");
    }

    @Test
    void chatAdministrators() {
        assertThat(call("getChatAdministrators", "{\"chat_id\":" + GROUP + "}").body().toString())
                .isEqualTo("{\"ok\":true,\"result\":[]}");
        assertThat(call("getChatAdministrators", "{\"chat_id\":1001}").body().path("description").asString())
                .isEqualTo("Bad Request: there are no administrators in the private chat");
    }

    @Test
    void theChatAsThePageDescribedItIsUsedInMessages() {
        chats.describe(GROUP, params("{\"type\":\"supergroup\",\"title\":\"Хлебопекарня\",\"evil\":\"<b>\"}"));

        JsonNode chat = call("sendMessage", "{\"chat_id\":" + GROUP + ",\"text\":\"x\"}").body().path("result")
                .path("chat");

        assertThat(chat.toString()).isEqualTo("{\"id\":" + GROUP + ",\"type\":\"supergroup\",\"title\":\"Хлебопекарня\"}");
    }

    @Test
    void hostileParametersAreBadRequestsNotCrashes() {
        String[] hostile = {
            "{\"chat_id\":{\"$gt\":1},\"text\":\"x\"}", "{\"chat_id\":1,\"text\":{\"a\":1}}",
            "{\"chat_id\":1,\"text\":\"x\",\"entities\":\"nope\"}", "{\"chat_id\":1,\"text\":\"x\",\"reply_parameters\":7}",
            "{\"chat_id\":99999999999999999999999,\"text\":\"x\"}", "{\"chat_id\":1,\"text\":\"x\",\"parse_mode\":[1]}"};
        for (String json : hostile) {
            Answer answer = call("sendMessage", json);
            assertThat(answer.status()).as(json).isIn(200, 400);
            assertThat(answer.body().has("ok")).isTrue();
        }
    }
}

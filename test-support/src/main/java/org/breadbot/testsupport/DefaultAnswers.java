package org.breadbot.testsupport;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake answers when nothing is scripted: results shaped like Telegram's, plus the few validations a
 * sender must cope with (empty chat id or text, text over 4096 code points, caption over 1024).
 */
final class DefaultAnswers {

    static final long BOT_ID = 123456789L;
    static final String BOT_USERNAME = "bread_bot";

    /** Bot messages get ids far above those {@link Updates} hands out, so the two never collide. */
    private static final int FIRST_SENT_MESSAGE_ID = 900_001;

    /** The parameter that carries the media of each send method, and the field it appears under in the Message. */
    private static final Map<String, String> MEDIA = Map.of(
            "sendphoto", "photo", "sendvoice", "voice", "sendsticker", "sticker", "sendanimation", "animation",
            "sendvideo", "video", "sendvideonote", "video_note", "senddocument", "document", "sendaudio", "audio");

    private final Map<String, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final UpdateQueue updates;
    private volatile String webhookUrl = "";

    DefaultAnswers(UpdateQueue updates) {
        this.updates = updates;
    }

    /** The answer for a known method other than getUpdates. */
    FakeResponse answer(String method, ObjectNode params) {
        String name = method.toLowerCase();
        if (name.startsWith("send") && !name.equals("sendchataction")) {
            return send(name, params);
        }
        return switch (name) {
            case "getme" -> FakeResponse.ok(botUser());
            case "setwebhook" -> setWebhook(params);
            case "deletewebhook", "logout", "close" -> {
                webhookUrl = "";
                yield FakeResponse.ok(true);
            }
            case "getwebhookinfo" -> FakeResponse.ok(Map.of("url", webhookUrl, "has_custom_certificate", false,
                    "pending_update_count", updates.size(), "max_connections", 40));
            case "getchatadministrators" -> FakeResponse.ok(Json.mapper().createArrayNode());
            case "getchatmember" -> FakeResponse.ok(Map.of("status", "member",
                    "user", Map.of("id", params.path("user_id").asLong(0), "is_bot", false, "first_name", "User")));
            case "getchat" -> FakeResponse.ok(chat(params.path("chat_id")));
            case "forwardmessage", "editmessagetext", "editmessagecaption" -> FakeResponse.ok(message(params));
            case "copymessage" -> FakeResponse.ok(Map.of("message_id", nextMessageId(params.path("chat_id"))));
            default -> FakeResponse.ok(true);
        };
    }

    void reset() {
        webhookUrl = "";
    }

    /** The bot as getMe returns it. */
    static ObjectNode botUser() {
        return botAsSender().put("can_join_groups", true).put("can_read_all_group_messages", true)
                .put("supports_inline_queries", false);
    }

    /** The bot as the {@code from} of its messages. */
    private static ObjectNode botAsSender() {
        return Json.mapper().createObjectNode()
                .put("id", BOT_ID).put("is_bot", true).put("first_name", "Хлеб").put("username", BOT_USERNAME);
    }

    private FakeResponse setWebhook(ObjectNode params) {
        String secret = params.path("secret_token").asString("");
        if (secret.length() > 256) {
            return FakeResponse.badRequest("secret token is too long");
        }
        if (!secret.matches("[A-Za-z0-9_-]*")) {
            return FakeResponse.badRequest("secret token contains unallowed characters");
        }
        webhookUrl = params.path("url").asString("");
        return FakeResponse.ok(true);
    }

    private FakeResponse send(String name, ObjectNode params) {
        if (params.path("chat_id").asString("").isEmpty()) {
            return FakeResponse.badRequest("chat_id is empty");
        }
        if (name.equals("sendmessage")) {
            String text = params.path("text").asString("");
            if (text.isEmpty()) {
                return FakeResponse.badRequest("message text is empty");
            }
            if (text.codePointCount(0, text.length()) > 4096) {
                return FakeResponse.badRequest("message is too long");
            }
        }
        String caption = params.path("caption").asString("");
        if (caption.codePointCount(0, caption.length()) > 1024) {
            return FakeResponse.badRequest("message caption is too long");
        }
        ObjectNode message = message(params);
        String field = MEDIA.get(name);
        if (field != null) {
            message.set(field, media(field, params.path(field).asString("")));
        }
        return FakeResponse.ok(message);
    }

    private ObjectNode message(ObjectNode params) {
        JsonNode chatId = params.path("chat_id");
        ObjectNode message = Json.mapper().createObjectNode().put("message_id", nextMessageId(chatId));
        message.set("from", botAsSender());
        message.set("chat", chat(chatId));
        message.put("date", Instant.now().getEpochSecond());
        Integer replyTo = new ApiCall("", params, Instant.EPOCH, 0).replyToMessageId();
        if (replyTo != null) {
            message.set("reply_to_message", Json.mapper().createObjectNode().put("message_id", replyTo)
                    .put("date", Instant.now().getEpochSecond()).set("chat", chat(chatId)));
        }
        for (String copied : new String[] {"text", "caption"}) {
            if (params.hasNonNull(copied)) {
                message.put(copied, params.get(copied).asString());
            }
        }
        return message;
    }

    private int nextMessageId(JsonNode chatId) {
        return messageIds.computeIfAbsent(chatId.asString(""), id -> new AtomicInteger(FIRST_SENT_MESSAGE_ID))
                .getAndIncrement();
    }

    private static ObjectNode chat(JsonNode chatId) {
        long id = chatId.asLong(0);
        ObjectNode chat = Json.mapper().createObjectNode();
        if (id == 0) {
            return chat.put("id", -1_000_000_000_001L).put("type", "channel")
                    .put("title", chatId.asString("")).put("username", chatId.asString("").replace("@", ""));
        }
        chat.put("id", id);
        if (id > 0) {
            return chat.put("first_name", "User").put("type", "private");
        }
        return chat.put("title", "Test group " + id).put("type", id <= -1_000_000_000_000L ? "supergroup" : "group");
    }

    private static JsonNode media(String field, String fileId) {
        String uniqueId = "u" + Integer.toHexString(fileId.hashCode());
        ObjectNode file = Json.mapper().createObjectNode().put("file_id", fileId).put("file_unique_id", uniqueId);
        if (field.equals("photo")) {
            return Json.mapper().createArrayNode().add(file.put("width", 1280).put("height", 960));
        }
        return file;
    }
}

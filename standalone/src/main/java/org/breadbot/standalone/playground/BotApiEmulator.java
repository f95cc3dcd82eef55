package org.breadbot.standalone.playground;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breadbot.common.json.Json;
import org.breadbot.standalone.playground.Markup.MarkupException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Bot API as the playground's bot sees it: the methods bread-bot calls, answered in Telegram's exact envelope
 * ({@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":..,"description":..}}) with Telegram's error
 * descriptions. Every message the bot sends gets the chat's next message id and is handed to the {@link SentListener},
 * which pushes it to the page.
 */
final class BotApiEmulator {

    /** The dummy token the playground's bot runs with; shaped like a real one so log masking covers it too. */
    static final String TOKEN = "7000000001:PLAYGROUND_emulator_dummy_token";
    static final long BOT_ID = 7_000_000_001L;
    static final int MAX_TEXT_LENGTH = 4096;
    static final int MAX_CAPTION_LENGTH = 1024;

    private static final String[] METHODS = {
        "getMe", "getWebhookInfo", "setWebhook", "deleteWebhook", "getChatAdministrators",
        "sendMessage", "sendPhoto", "sendVoice", "sendSticker", "sendAnimation", "sendVideo", "sendVideoNote"};
    private static final Map<String, String> CANONICAL = Stream.of(METHODS)
            .collect(Collectors.toUnmodifiableMap(name -> name.toLowerCase(Locale.ROOT), Function.identity()));
    /** The parameter holding the file of each media method; it is also the field of the sent message. */
    private static final Map<String, String> MEDIA = Map.of(
            "sendPhoto", "photo", "sendVoice", "voice", "sendSticker", "sticker", "sendAnimation", "animation",
            "sendVideo", "video", "sendVideoNote", "video_note");
    private static final Set<String> NO_CAPTION = Set.of("sendSticker", "sendVideoNote");

    /** Told of every message the bot sent, with the text or file id it was sent with (before formatting). */
    interface SentListener {
        void sent(ObjectNode message, String content);
    }

    /** One answer: the HTTP status and the envelope, which Telegram sends with the same code. */
    record Answer(int status, ObjectNode body) {

        boolean ok() {
            return body.path("ok").asBoolean(false);
        }
    }

    private final String botName;
    private final String botUsername;
    private final ChatBook chats;
    private final MediaCatalogue media;
    private final SentListener sent;
    private volatile ObjectNode webhook = Json.mapper().createObjectNode().put("url", "");

    BotApiEmulator(String botName, String botUsername, ChatBook chats, MediaCatalogue media,
            SentListener sent) {
        this.botName = botName;
        this.botUsername = botUsername;
        this.chats = chats;
        this.media = media;
        this.sent = sent;
    }

    /** One call of {@code /bot<token>/<method>}; method names are case-insensitive, as Telegram's are. */
    Answer call(String token, String method, ObjectNode params) {
        if (!TOKEN.equals(token)) {
            return error(401, "Unauthorized");
        }
        String name = CANONICAL.get(method.toLowerCase(Locale.ROOT));
        if (name == null) {
            return error(404, "Not Found");
        }
        return switch (name) {
            case "getMe" -> ok(botUser());
            case "getWebhookInfo" -> ok(webhookInfo());
            case "setWebhook" -> setWebhook(params);
            case "deleteWebhook" -> deleteWebhook();
            case "getChatAdministrators" -> administrators(params);
            default -> send(name, params);
        };
    }

    /** The bot as getMe reports it. */
    ObjectNode botUser() {
        return botAsSender().put("can_join_groups", true).put("can_read_all_group_messages", true)
                .put("supports_inline_queries", false);
    }

    private ObjectNode botAsSender() {
        return Json.mapper().createObjectNode()
                .put("id", BOT_ID).put("is_bot", true).put("first_name", botName).put("username", botUsername);
    }

    private ObjectNode webhookInfo() {
        ObjectNode info = Json.mapper().createObjectNode()
                .put("url", webhook.path("url").asString(""))
                .put("has_custom_certificate", false)
                .put("pending_update_count", 0);
        if (!webhook.path("url").asString("").isEmpty()) {
            info.put("max_connections", webhook.path("max_connections").asInt(40));
            if (webhook.has("allowed_updates")) {
                info.set("allowed_updates", webhook.get("allowed_updates"));
            }
        }
        return info;
    }

    private Answer setWebhook(ObjectNode params) {
        String secret = text(params, "secret_token");
        if (secret.length() > 256) {
            return badRequest("secret token is too long");
        }
        if (!secret.matches("[A-Za-z0-9_-]*")) {
            return badRequest("secret token contains unallowed characters");
        }
        String url = text(params, "url");
        ObjectNode next = Json.mapper().createObjectNode().put("url", url);
        if (params.path("allowed_updates").isArray()) {
            next.set("allowed_updates", params.get("allowed_updates"));
        }
        webhook = next;
        return url.isEmpty() ? ok(true, "Webhook was deleted") : ok(true, "Webhook was set");
    }

    private Answer deleteWebhook() {
        boolean had = !webhook.path("url").asString("").isEmpty();
        webhook = Json.mapper().createObjectNode().put("url", "");
        return ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private Answer administrators(ObjectNode params) {
        Long chatId = chatId(params);
        if (chatId == null) {
            return badRequest(params.hasNonNull("chat_id") ? "chat not found" : "chat_id is empty");
        }
        if (chatId > 0) {
            return badRequest("there are no administrators in the private chat");
        }
        return ok(Json.mapper().createArrayNode());
    }

    private Answer send(String method, ObjectNode params) {
        Long chatId = chatId(params);
        if (chatId == null) {
            return badRequest(params.hasNonNull("chat_id") ? "chat not found" : "chat_id is empty");
        }
        ObjectNode content = Json.mapper().createObjectNode();
        String problem = method.equals("sendMessage") ? text(params, content) : media(method, params, content);
        if (problem != null) {
            return badRequest(problem);
        }
        Integer threadId = null;
        if (params.hasNonNull("message_thread_id")) {
            Long thread = number(params.path("message_thread_id"));
            if (thread == null || !chats.isTopic(chatId, thread)) {
                return badRequest("message thread not found");
            }
            threadId = thread.intValue();
        }
        Integer replyTo = replyTarget(params);
        if (replyTo != null && !chats.isKnownMessage(chatId, replyTo)) {
            if (!allowsSendingWithoutReply(params)) {
                return badRequest("message to be replied not found");
            }
            replyTo = null;
        }
        ObjectNode message = message(chatId, replyTo);
        if (threadId != null) {
            message.put("message_thread_id", threadId).put("is_topic_message", true);
        }
        message.setAll(content);
        String raw = method.equals("sendMessage") ? text(params, "text") : text(params, MEDIA.get(method));
        sent.sent(message.deepCopy(), raw);
        return ok(message);
    }

    private ObjectNode message(long chatId, Integer replyTo) {
        long now = Instant.now().getEpochSecond();
        ObjectNode message = Json.mapper().createObjectNode().put("message_id", chats.nextMessageId(chatId, 0));
        message.set("from", botAsSender());
        message.set("chat", chats.chat(chatId));
        message.put("date", now);
        if (replyTo != null) {
            ObjectNode replied = Json.mapper().createObjectNode().put("message_id", replyTo);
            replied.set("chat", chats.chat(chatId));
            message.set("reply_to_message", replied.put("date", now));
        }
        return message;
    }

    /** sendMessage's text after formatting; null when fine, else Telegram's description of the problem. */
    private static String text(ObjectNode params, ObjectNode content) {
        String text = text(params, "text");
        if (text.isEmpty()) {
            return "message text is empty";
        }
        return formatInto(content, text, params.path("parse_mode"), params.path("entities"), "text", "entities",
                MAX_TEXT_LENGTH);
    }

    private String media(String method, ObjectNode params, ObjectNode content) {
        String field = MEDIA.get(method);
        String fileId = text(params, field);
        if (fileId.isEmpty()) {
            return "there is no " + field + " in the request";
        }
        content.set(field, media.mediaObject(field, fileId));
        String caption = text(params, "caption");
        if (caption.isEmpty() || NO_CAPTION.contains(method)) {
            return null;
        }
        return formatInto(content, caption, params.path("parse_mode"), params.path("caption_entities"),
                "caption", "caption_entities", MAX_CAPTION_LENGTH);
    }

    /** The text formatted by its parse mode; explicit entities are handled by {@link #explicitEntities}. */
    private static Markup.Formatted format(String text, JsonNode parseMode) throws MarkupException {
        String mode = parseMode.isString() ? parseMode.asString() : "";
        if (mode.isEmpty()) {
            return new Markup.Formatted(text, List.of());
        }
        if (!Markup.isSupported(mode)) {
            throw new IllegalArgumentException("unsupported parse_mode");
        }
        return Markup.parse(mode, text);
    }

    /**
     * Explicit entities win over a parse mode, as in the Bot API; they are returned as given (a text_mention keeps
     * its user), except those that do not fit the text, which are dropped.
     */
    private static ArrayNode explicitEntities(String text, JsonNode entities) {
        ArrayNode kept = Json.mapper().createArrayNode();
        for (JsonNode entity : entities) {
            int offset = entity.path("offset").canConvertToInt() ? entity.path("offset").asInt(-1) : -1;
            int length = entity.path("length").canConvertToInt() ? entity.path("length").asInt(0) : 0;
            boolean typed = entity.path("type").isString() && !entity.path("type").asString().isEmpty();
            if (typed && offset >= 0 && length > 0 && (long) offset + length <= text.length()) {
                kept.add(entity.deepCopy());
            }
        }
        return kept;
    }

    /** Puts the formatted text (or caption) and its entities into the message; null when fine, else the problem. */
    private static String formatInto(ObjectNode content, String source, JsonNode parseMode, JsonNode entities,
            String textField, String entitiesField, int maxLength) {
        try {
            String text = source;
            ArrayNode entityArray;
            if (entities.isArray()) {
                entityArray = explicitEntities(source, entities);
            } else {
                Markup.Formatted formatted = format(source, parseMode);
                text = formatted.text();
                entityArray = formatted.entitiesJson();
            }
            if (text.isBlank()) {
                return textField.equals("text") ? "message text is empty" : null;
            }
            if (text.codePointCount(0, text.length()) > maxLength) {
                return textField.equals("text") ? "message is too long" : "message caption is too long";
            }
            content.put(textField, text);
            if (!entityArray.isEmpty()) {
                content.set(entitiesField, entityArray);
            }
            return null;
        } catch (MarkupException unparsable) {
            return "can't parse entities: " + unparsable.getMessage();
        } catch (IllegalArgumentException unsupported) {
            return "unsupported parse_mode";
        }
    }

    private static Integer replyTarget(ObjectNode params) {
        JsonNode id = params.path("reply_parameters").path("message_id");
        if (!id.isIntegralNumber() && !id.isString()) {
            id = params.path("reply_to_message_id");
        }
        try {
            return id.isMissingNode() || id.isNull() ? null : Integer.valueOf(id.asString().trim());
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    private static boolean allowsSendingWithoutReply(ObjectNode params) {
        return params.path("reply_parameters").path("allow_sending_without_reply").asBoolean(false)
                || params.path("allow_sending_without_reply").asBoolean(false);
    }

    /** A numeric chat id (number or decimal string); null when missing or not numeric. */
    private static Long chatId(ObjectNode params) {
        return number(params.path("chat_id"));
    }

    /** An integer given as a number or a decimal string, as Telegram takes ids; null otherwise. */
    private static Long number(JsonNode id) {
        if (id.isIntegralNumber()) {
            return id.canConvertToLong() ? id.asLong() : null;
        }
        try {
            return id.isString() ? Long.valueOf(id.asString().trim()) : null;
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static String text(ObjectNode params, String field) {
        JsonNode value = params.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString("") : "";
    }

    static Answer ok(Object result) {
        return ok(result, null);
    }

    private static Answer ok(Object result, String description) {
        ObjectNode body = Json.mapper().createObjectNode().put("ok", true);
        body.set("result", Json.mapper().valueToTree(result));
        if (description != null) {
            body.put("description", description);
        }
        return new Answer(200, body);
    }

    private static Answer badRequest(String description) {
        return error(400, "Bad Request: " + description);
    }

    static Answer error(int code, String description) {
        return new Answer(code, Json.mapper().createObjectNode()
                .put("ok", false).put("error_code", code).put("description", description));
    }
}

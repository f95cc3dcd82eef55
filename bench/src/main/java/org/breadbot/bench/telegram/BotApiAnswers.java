package org.breadbot.bench.telegram;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.breadbot.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake answers each method with: the results Telegram gives, the validations a sender must cope with
 * (telegram-bot-api.md §6, §7), and 429 when a flood limit is hit.
 */
final class BotApiAnswers {

    static final long BOT_ID = 123456789L;

    private final AtomicInteger messageIds = new AtomicInteger(900_000);
    private volatile FloodControl flood;

    BotApiAnswers(TelegramLimits limits) {
        limit(limits);
    }

    void limit(TelegramLimits limits) {
        flood = new FloodControl(limits, System.nanoTime());
    }

    /**
     * @param delivered told of every message accepted
     * @param limited   told of every 429
     */
    Answer answer(String method, ObjectNode params, Consumer<Delivery> delivered, Runnable limited) {
        String name = method.toLowerCase();
        if (name.startsWith("send") && !name.equals("sendchataction")) {
            return send(name, params, delivered, limited);
        }
        return switch (name) {
            case "getme" -> Answer.ok(bot().put("can_join_groups", true).put("can_read_all_group_messages", true)
                    .put("supports_inline_queries", false));
            case "setwebhook", "deletewebhook", "sendchataction", "setmycommands", "logout", "close" ->
                    Answer.ok(Json.mapper().getNodeFactory().booleanNode(true));
            case "getwebhookinfo" -> Answer.ok(Json.mapper().createObjectNode().put("url", "")
                    .put("has_custom_certificate", false).put("pending_update_count", 0));
            case "getupdates", "getchatadministrators" -> Answer.ok(Json.mapper().createArrayNode());
            default -> Answer.error(404, "Not Found: method not found");
        };
    }

    private Answer send(String name, ObjectNode params, Consumer<Delivery> delivered, Runnable limited) {
        Long chatId = RequestParams.chatId(params);
        if (params.path("chat_id").asString("").isBlank() && !params.path("chat_id").isNumber()) {
            return Answer.badRequest("chat_id is empty");
        }
        if (chatId == null) {
            return Answer.badRequest("chat not found");
        }
        if (name.equals("sendmessage")) {
            String text = params.path("text").asString("");
            if (text.isBlank()) {
                return Answer.badRequest("message text is empty");
            }
            if (text.codePointCount(0, text.length()) > 4096) {
                return Answer.badRequest("message is too long");
            }
        }
        long now = System.nanoTime();
        OptionalInt retryAfter = flood.acquire(chatId, now);
        if (retryAfter.isPresent()) {
            limited.run();
            return Answer.tooManyRequests(retryAfter.getAsInt());
        }
        Integer replyTo = RequestParams.replyTo(params);
        delivered.accept(new Delivery(chatId, replyTo, now));
        return Answer.ok(message(chatId, replyTo, params));
    }

    private ObjectNode message(long chatId, Integer replyTo, ObjectNode params) {
        long date = Instant.now().getEpochSecond();
        ObjectNode message = Json.mapper().createObjectNode().put("message_id", messageIds.incrementAndGet());
        message.set("from", bot());
        ObjectNode chat = message.putObject("chat").put("id", chatId);
        if (chatId < 0) {
            chat.put("type", chatId <= -1_000_000_000_000L ? "supergroup" : "group").put("title", "Chat " + chatId);
        } else {
            chat.put("type", "private").put("first_name", "User");
        }
        message.put("date", date);
        if (replyTo != null) {
            ObjectNode original = message.putObject("reply_to_message").put("message_id", replyTo);
            original.set("chat", chat.deepCopy());
            original.put("date", date);
        }
        if (params.hasNonNull("text")) {
            message.put("text", params.path("text").asString(""));
        }
        if (params.hasNonNull("caption")) {
            message.put("caption", params.path("caption").asString(""));
        }
        return message;
    }

    private static ObjectNode bot() {
        return Json.mapper().createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Хлеб")
                .put("username", "bread_bot");
    }
}

package org.breadbot.bench.telegram;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bot API call's parameters, from the query string and the body as Telegram accepts them (telegram-bot-api.md
 * §6.1): JSON or form-urlencoded. Multipart uploads are not read; the bot sends media by file id.
 */
final class RequestParams {

    private RequestParams() {
    }

    /** The parameters; throws {@link IllegalArgumentException} with Telegram's wording when unreadable. */
    static ObjectNode parse(String uri, String contentType, byte[] body) {
        ObjectNode params = Json.mapper().createObjectNode();
        addAll(params, new QueryStringDecoder(uri, StandardCharsets.UTF_8).parameters());
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (body.length == 0) {
            return params;
        }
        if (type.startsWith("application/json")) {
            JsonNode json;
            try {
                json = Json.mapper().readTree(body);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("can't parse JSON object");
            }
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("JSON object expected");
            }
            params.setAll((ObjectNode) json);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            String form = new String(body, StandardCharsets.UTF_8);
            addAll(params, new QueryStringDecoder(form, StandardCharsets.UTF_8, false).parameters());
        }
        return params;
    }

    private static void addAll(ObjectNode params, Map<String, List<String>> values) {
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                params.put(name, list.get(list.size() - 1));
            }
        });
    }

    /** The chat id as a number, or null when absent or not numeric (e.g. {@code @channelusername}). */
    static Long chatId(ObjectNode params) {
        JsonNode chatId = params.path("chat_id");
        if (chatId.isIntegralNumber()) {
            return chatId.asLong();
        }
        String text = chatId.asString("").strip();
        try {
            return text.isEmpty() ? null : Long.parseLong(text);
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    /** The message a send answers: {@code reply_parameters.message_id}, else {@code reply_to_message_id}. */
    static Integer replyTo(ObjectNode params) {
        JsonNode replyParameters = params.path("reply_parameters");
        if (replyParameters.isString()) {
            try {
                replyParameters = Json.mapper().readTree(replyParameters.asString());
            } catch (JacksonException e) {
                return null;
            }
        }
        JsonNode id = replyParameters.path("message_id");
        if (id.isMissingNode()) {
            id = params.path("reply_to_message_id");
        }
        if (id.isIntegralNumber()) {
            return id.asInt();
        }
        try {
            return id.isString() ? Integer.valueOf(id.asString().strip()) : null;
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }
}

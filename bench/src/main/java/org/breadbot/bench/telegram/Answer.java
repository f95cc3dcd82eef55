package org.breadbot.bench.telegram;

import java.nio.charset.StandardCharsets;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Bot API response in Telegram's wire format (telegram-bot-api.md §7): {@code {"ok":true,"result":…}}, or
 * {@code {"ok":false,"error_code":N,"description":…}} with the HTTP status equal to the error code, and for 429
 * {@code parameters.retry_after} plus the {@code Retry-After} header.
 */
record Answer(int status, byte[] body, Integer retryAfter) {

    static Answer ok(JsonNode result) {
        ObjectNode envelope = Json.mapper().createObjectNode().put("ok", true);
        envelope.set("result", result);
        return new Answer(200, bytes(envelope), null);
    }

    static Answer error(int code, String description) {
        return new Answer(code, bytes(errorNode(code, description)), null);
    }

    static Answer badRequest(String what) {
        return error(400, "Bad Request: " + what);
    }

    static Answer tooManyRequests(int retryAfter) {
        ObjectNode envelope = errorNode(429, "Too Many Requests: retry after " + retryAfter);
        envelope.putObject("parameters").put("retry_after", retryAfter);
        return new Answer(429, bytes(envelope), retryAfter);
    }

    private static ObjectNode errorNode(int code, String description) {
        return Json.mapper().createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description);
    }

    private static byte[] bytes(JsonNode node) {
        return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}

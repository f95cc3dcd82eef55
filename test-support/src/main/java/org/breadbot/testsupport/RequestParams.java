package org.breadbot.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads Bot API parameters the ways Telegram accepts them: query string, form body or JSON body. */
final class RequestParams {

    /** Form values Telegram would read as JSON: objects, arrays, integers, booleans. */
    private static final Pattern JSON_LIKE = Pattern.compile("^(\\{.*}|\\[.*]|-?\\d{1,18}|true|false)$",
            Pattern.DOTALL);

    private RequestParams() {
    }

    /**
     * The merged parameters; body values win over query values.
     *
     * @throws IllegalArgumentException when a JSON body is not a JSON object
     */
    static ObjectNode parse(String rawQuery, String contentType, byte[] body) {
        ObjectNode params = Json.mapper().createObjectNode();
        addForm(params, rawQuery);
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (body.length == 0) {
            return params;
        }
        if (type.startsWith("application/json")) {
            JsonNode json;
            try {
                json = Json.mapper().readTree(body);
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("can't parse JSON object");
            }
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("can't parse JSON object");
            }
            params.setAll((ObjectNode) json);
        } else if (type.startsWith("application/x-www-form-urlencoded") || type.isEmpty()) {
            addForm(params, new String(body, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void addForm(ObjectNode params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.set(name, valueOf(value));
        }
    }

    private static JsonNode valueOf(String value) {
        if (JSON_LIKE.matcher(value).matches()) {
            try {
                return Json.mapper().readTree(value);
            } catch (RuntimeException notJson) {
                // stays a string, as Telegram would treat it
            }
        }
        return Json.mapper().getNodeFactory().stringNode(value);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

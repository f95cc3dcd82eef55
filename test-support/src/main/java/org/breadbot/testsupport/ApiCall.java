package org.breadbot.testsupport;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One request {@link FakeTelegram} received.
 *
 * @param method the method name as Telegram spells it (e.g. {@code sendMessage}, whatever case was used)
 * @param params the parameters (query string, form or JSON body merged) as a JSON object; form values holding
 *               JSON objects/arrays/numbers are parsed, as Telegram does
 * @param at     when the request arrived
 * @param status the HTTP status answered (0 when the fake was told to hang)
 */
public record ApiCall(String method, JsonNode params, Instant at, int status) {

    /** {@code chat_id}, or 0 when absent or not numeric (e.g. {@code @channel}). */
    public long chatId() {
        return params.path("chat_id").asLong(0);
    }

    /** {@code text}, or null. */
    public String text() {
        return string("text");
    }

    /** {@code caption}, or null. */
    public String caption() {
        return string("caption");
    }

    /** Any parameter as a string, or null when absent. */
    public String string(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }

    /** {@code reply_parameters.message_id}, else the legacy {@code reply_to_message_id}, else null. */
    public Integer replyToMessageId() {
        JsonNode modern = params.path("reply_parameters").path("message_id");
        JsonNode legacy = params.path("reply_to_message_id");
        JsonNode id = modern.isMissingNode() ? legacy : modern;
        return id.isMissingNode() || id.isNull() ? null : id.asInt();
    }

    /** {@code message_thread_id} (the forum topic sent to), or null. */
    public Integer messageThreadId() {
        JsonNode id = params.path("message_thread_id");
        return id.isMissingNode() || id.isNull() ? null : id.asInt();
    }

        /** True when the fake answered with a 2xx status. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return method + " " + params + " -> " + (status == 0 ? "hang" : status);
    }
}

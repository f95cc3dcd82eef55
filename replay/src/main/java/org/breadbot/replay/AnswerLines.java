package org.breadbot.replay;

import java.io.StringWriter;
import org.breadbot.common.json.Json;
import org.breadbot.processor.pipeline.Answer;
import tools.jackson.core.JsonGenerator;

/**
 * The replay's output, one JSON object per line: where the update was, which update, and one answer the bot
 * would send ({@code method} as the Bot API names it, text or file id, reply-to), or the error it hit.
 */
final class AnswerLines {

    private AnswerLines() {
    }

    static String answer(UpdateRecord record, int position, Answer answer) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = Json.mapper().createGenerator(line)) {
            start(json, record);
            json.writeNumberProperty("position", position);
            json.writeNumberProperty("chat_id", answer.chatId());
            json.writeStringProperty("method", answer.method().apiName());
            optional(json, "text", answer.text());
            optional(json, "file_id", answer.fileId());
            optional(json, "caption", answer.caption());
            if (answer.replyToMessageId() != null) {
                json.writeNumberProperty("reply_to", answer.replyToMessageId());
            }
            optional(json, "parse_mode", answer.parseMode());
            json.writeEndObject();
        }
        return line.toString();
    }

    static String failure(UpdateRecord record, String error) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = Json.mapper().createGenerator(line)) {
            start(json, record);
            json.writeNumberProperty("chat_id", record.envelope().key());
            json.writeStringProperty("error", error);
            json.writeEndObject();
        }
        return line.toString();
    }

    private static void start(JsonGenerator json, UpdateRecord record) {
        json.writeStartObject();
        json.writeNumberProperty("partition", record.partition());
        json.writeNumberProperty("offset", record.offset());
        json.writeNumberProperty("update_id", record.envelope().updateId());
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }
}

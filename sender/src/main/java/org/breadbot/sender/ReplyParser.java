package org.breadbot.sender;

import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a record of the replies topic into a {@link ReplyCommand} and checks what Telegram would refuse anyway, so
 * that a broken record is dead-lettered at once instead of being sent, retried or blocking its chat.
 */
final class ReplyParser {

    /** Telegram's limits, counted in code points after entity parsing (telegram-bot-api.md §6.2, §6.3). */
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    /** Ids are {@code chat:update:position}; anything much longer did not come from the processor. */
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_FILE_ID_LENGTH = 1024;

    private static final Set<String> PARSE_MODES = Set.of("html", "markdownv2", "markdown");

    private ReplyParser() {
    }

    /** The reply of a record, or the reason it is poison. */
    record Parsed(ReplyCommand reply, InvalidReplyException problem) {

        boolean isValid() {
            return reply != null;
        }

        static Parsed valid(ReplyCommand reply) {
            return new Parsed(reply, null);
        }

        static Parsed poison(String reason) {
            return new Parsed(null, new InvalidReplyException(reason));
        }
    }

    static Parsed parse(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return Parsed.poison("record has no value");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(value);
        } catch (JacksonException notJson) {
            return Parsed.poison("value is not JSON (" + notJson.getClass().getSimpleName() + ")");
        }
        if (tree == null || !tree.isObject()) {
            return Parsed.poison("value is not a JSON object");
        }
        ReplyCommand reply;
        try {
            reply = Json.mapper().treeToValue(tree, ReplyCommand.class);
        } catch (RuntimeException notAReply) {
            return Parsed.poison("value is not a reply command (" + notAReply.getClass().getSimpleName() + ")");
        }
        String problem = problemOf(reply);
        return problem == null ? Parsed.valid(reply) : Parsed.poison(problem);
    }

    private static String problemOf(ReplyCommand reply) {
        if (reply.id().isBlank() || reply.id().length() > MAX_ID_LENGTH) {
            return "id is blank or longer than " + MAX_ID_LENGTH;
        }
        if (reply.chatId() == 0) {
            return "chatId is missing";
        }
        if (reply.messageThreadId() != null && reply.messageThreadId() <= 0) {
            return "messageThreadId is not a topic id";
        }
        if (reply.parseMode() != null && !PARSE_MODES.contains(reply.parseMode().toLowerCase(Locale.ROOT))) {
            return "unsupported parseMode";
        }
        return reply.method() == ReplyMethod.SEND_MESSAGE ? textProblem(reply) : mediaProblem(reply);
    }

    private static String textProblem(ReplyCommand reply) {
        String text = reply.text();
        if (text == null || text.isBlank()) {
            return "sendMessage without text";
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            return "text longer than " + MAX_TEXT + " characters";
        }
        return null;
    }

    private static String mediaProblem(ReplyCommand reply) {
        String fileId = reply.fileId();
        if (fileId == null || fileId.isBlank() || fileId.length() > MAX_FILE_ID_LENGTH) {
            return reply.method().apiName() + " without a valid fileId";
        }
        String caption = reply.caption();
        if (caption != null && caption.codePointCount(0, caption.length()) > MAX_CAPTION) {
            return "caption longer than " + MAX_CAPTION + " characters";
        }
        return null;
    }
}

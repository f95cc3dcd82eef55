package org.breadbot.common.reply;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.MessageEntity;

/**
 * One Bot API call the processor asks the sender to make; the value of a {@code telegram.replies} record.
 *
 * @param id               deterministic per update and position ({@link #idFor}), so a redelivered reply is
 *                         recognised and never sent twice
 * @param chatId           the chat to send to
 * @param method           which Bot API method delivers it
 * @param text             the message text ({@link ReplyMethod#SEND_MESSAGE}) or null
 * @param fileId           the Telegram file id of a media reply, or null
 * @param caption          the caption of a media reply, or null
 * @param replyToMessageId the message this reply answers, or null
 * @param messageThreadId  the forum topic to send it in ({@link Message#topicThreadId}), or null outside forums
 * @param parseMode        {@code HTML} or {@code MarkdownV2} when the text is formatted, null for plain text
 * @param entities         explicit formatting entities (mentions), or null
 * @param updateId         the update that caused the reply
 * @param createdAt        when the processor produced it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyCommand(
        String id,
        long chatId,
        ReplyMethod method,
        String text,
        String fileId,
        String caption,
        Integer replyToMessageId,
        Integer messageThreadId,
        String parseMode,
        List<MessageEntity> entities,
        long updateId,
        Instant createdAt) {

    public ReplyCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        entities = entities == null ? null : List.copyOf(entities);
    }

    /**
     * The deterministic id of the {@code position}-th reply (from 0) caused by update {@code updateId} in
     * chat {@code chatId}. The chat is part of it because Telegram may re-seed update ids after a quiet week.
     */
    public static String idFor(long chatId, long updateId, int position) {
        return chatId + ":" + updateId + ":" + position;
    }

    /** A plain-text reply. */
    public static ReplyCommand text(String id, long chatId, String text, Integer replyTo, long updateId,
            Instant createdAt) {
        return new ReplyCommand(id, chatId, ReplyMethod.SEND_MESSAGE, text, null, null, replyTo, null, null, null,
                updateId, createdAt);
    }

    /** A media reply by file id. */
    public static ReplyCommand media(String id, long chatId, ReplyMethod method, String fileId, String caption,
            Integer replyTo, long updateId, Instant createdAt) {
        return new ReplyCommand(id, chatId, method, null, fileId, caption, replyTo, null, null, null,
                updateId, createdAt);
    }

    /**
     * The same reply addressed to another chat (after a group became a supergroup). A new supergroup is no forum
     * yet, so the topic goes.
     */
    public ReplyCommand withChatId(long newChatId) {
        return new ReplyCommand(id, newChatId, method, text, fileId, caption, replyToMessageId, null, parseMode,
                entities, updateId, createdAt);
    }

    /** The same reply in forum topic {@code threadId} (null: the chat's General topic or no forum). */
    public ReplyCommand inThread(Integer threadId) {
        return new ReplyCommand(id, chatId, method, text, fileId, caption, replyToMessageId, threadId, parseMode,
                entities, updateId, createdAt);
    }

    /** The same reply as a plain message, not a reply to anything (its message is gone). */
    public ReplyCommand withoutReplyTarget() {
        return new ReplyCommand(id, chatId, method, text, fileId, caption, null, messageThreadId, parseMode,
                entities, updateId, createdAt);
    }
}

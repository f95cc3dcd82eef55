package org.breadbot.processor.pipeline;

import java.util.List;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.MessageEntity;

/**
 * One reply the bot decided to send; the pipeline gives it its deterministic id and puts it in the outbox.
 *
 * @param chatId           the chat to send to
 * @param method           the Bot API method
 * @param text             the text of a {@link ReplyMethod#SEND_MESSAGE}, else null
 * @param fileId           the file id of a media reply, else null
 * @param caption          a media caption, or null
 * @param replyToMessageId the message replied to, or null
 * @param parseMode        null for plain text, or {@code HTML}
 * @param entities         explicit entities (mentions), or null
 */
public record Answer(
        long chatId,
        ReplyMethod method,
        String text,
        String fileId,
        String caption,
        Integer replyToMessageId,
        String parseMode,
        List<MessageEntity> entities) {

    /** Plain text, as a reply to {@code replyTo} (null for none). */
    public static Answer text(long chatId, String text, Integer replyTo) {
        return new Answer(chatId, ReplyMethod.SEND_MESSAGE, text, null, null, replyTo, null, null);
    }

    /** Media by file id, as a reply to {@code replyTo}. */
    public static Answer media(long chatId, ReplyMethod method, String fileId, String caption, Integer replyTo) {
        return new Answer(chatId, method, null, fileId, caption, replyTo, null, null);
    }
}

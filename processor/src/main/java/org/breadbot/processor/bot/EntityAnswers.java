package org.breadbot.processor.bot;

import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.ContentType;

/** How a stored answer is sent back (spec §5.3). */
public final class EntityAnswers {

    private EntityAnswers() {
    }

    /** The answer entity as a reply to {@code replyTo}: text by sendMessage, media by file id. */
    public static Answer toAnswer(AnswerEntity entity, long chatId, int replyTo) {
        ContentType type = entity.contentType();
        if (type == ContentType.TEXT) {
            return Answer.text(chatId, entity.value(), replyTo);
        }
        // Only pictures carry their caption back; a video's description is stored but not sent.
        String caption = type == ContentType.PICTURE ? entity.description() : null;
        return Answer.media(chatId, method(type), entity.value(), caption, replyTo);
    }

    static ReplyMethod method(ContentType type) {
        return switch (type) {
            case TEXT -> ReplyMethod.SEND_MESSAGE;
            case VOICE -> ReplyMethod.SEND_VOICE;
            case PICTURE -> ReplyMethod.SEND_PHOTO;
            case ANIMATION -> ReplyMethod.SEND_ANIMATION;
            case VIDEO -> ReplyMethod.SEND_VIDEO;
            case VIDEO_NOTE -> ReplyMethod.SEND_VIDEO_NOTE;
            case STICKER -> ReplyMethod.SEND_STICKER;
        };
    }
}

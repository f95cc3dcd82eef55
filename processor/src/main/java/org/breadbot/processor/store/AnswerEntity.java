package org.breadbot.processor.store;

/**
 * One stored answer (spec §5.1).
 *
 * @param key          lower-cased key
 * @param value        the text, or the Telegram file id used to send the medium back
 * @param fileUniqueId Telegram's stable id of the medium; null for text
 * @param description  the caption of a picture or video
 */
public record AnswerEntity(
        long id,
        long packId,
        String key,
        String value,
        String fileUniqueId,
        ReactionType reactionType,
        ContentType contentType,
        String description) {
}

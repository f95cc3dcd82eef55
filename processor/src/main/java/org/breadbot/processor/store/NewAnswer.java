package org.breadbot.processor.store;

/** An answer entity about to be inserted. */
public record NewAnswer(
        String key,
        String value,
        String fileUniqueId,
        ReactionType reactionType,
        ContentType contentType,
        String description) {

    /** A text answer. */
    public static NewAnswer text(String key, String value, ReactionType reactionType) {
        return new NewAnswer(key, value, null, reactionType, ContentType.TEXT, null);
    }
}

package org.breadbot.processor.command;

import java.util.Optional;
import org.breadbot.processor.store.ReactionType;

/** The rules every stored key obeys (spec §5.1): substrings need three characters, no key outgrows its column. */
final class Keys {

    static final int MIN_SUBSTRING_KEY_LENGTH = 3;
    /** The key column's width. */
    static final int MAX_KEY_LENGTH = 255;
    static final String KEY_TOO_LONG = "Ключ не может быть длиннее " + MAX_KEY_LENGTH + " символов";

    private Keys() {
    }

    /** Why the (lower-cased) key cannot be stored, or empty when it can. */
    static Optional<String> problem(String key, ReactionType reactionType) {
        int length = key.codePointCount(0, key.length());
        if (reactionType == ReactionType.SUBSTRING && length < MIN_SUBSTRING_KEY_LENGTH) {
            return Optional.of(Replies.SHORT_SUBSTRING_KEY);
        }
        if (length > MAX_KEY_LENGTH) {
            return Optional.of(KEY_TOO_LONG);
        }
        return Optional.empty();
    }
}

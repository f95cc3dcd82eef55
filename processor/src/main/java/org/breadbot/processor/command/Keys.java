package org.breadbot.processor.command;

import java.util.List;
import java.util.Optional;
import org.breadbot.processor.store.ReactionType;

/** The rules every stored key obeys (spec §5.1): substrings need three characters, no key outgrows its column. */
final class Keys {

    static final int MIN_SUBSTRING_KEY_LENGTH = 3;
    /** The key column's width. */
    static final int MAX_KEY_LENGTH = 255;
    static final String KEY_TOO_LONG = "Ключ не может быть длиннее " + MAX_KEY_LENGTH + " символов";

    /** Keys one answer lists at most; a longer list ends with how many more there are. */
    static final int MAX_LISTED = 100;

    private Keys() {
    }

    /** {@code k1, k2, …}: at most {@link #MAX_LISTED} keys, then {@code … и еще N}. */
    static String listed(List<String> keys) {
        String shown = String.join(", ", keys.subList(0, Math.min(keys.size(), MAX_LISTED)));
        return keys.size() <= MAX_LISTED ? shown : shown + ", … и еще " + (keys.size() - MAX_LISTED);
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

package org.breadbot.processor.command;

import java.util.StringJoiner;

/**
 * Sentences built around what the user typed. An empty part leaves no double space behind, where the original
 * printed {@code "Парочку  образовали"} or {@code "Some event  в …"} (spec §13 quirk 7).
 */
final class Phrases {

    private Phrases() {
    }

    /** The non-blank parts, each trimmed, separated by single spaces. */
    static String join(String... parts) {
        StringJoiner sentence = new StringJoiner(" ");
        for (String part : parts) {
            String trimmed = Texts.strip(part);
            if (!trimmed.isEmpty()) {
                sentence.add(trimmed);
            }
        }
        return sentence.toString();
    }
}

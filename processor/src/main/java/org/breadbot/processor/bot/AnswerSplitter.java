package org.breadbot.processor.bot;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text answer into messages of at most {@code limit} characters (spec §2.7): lines are kept whole
 * where they fit and packed greedily; a line longer than the limit is cut into limit-sized pieces.
 */
public final class AnswerSplitter {

    private AnswerSplitter() {
    }

    /** The messages to send, in order; none for a text that is empty or only whitespace. */
    public static List<String> split(String text, int limit) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(text, limit)) {
            if (current.length() + piece.length() > limit) {
                addUnlessBlank(messages, current);
                current.setLength(0);
            }
            current.append(piece);
        }
        addUnlessBlank(messages, current);
        return messages;
    }

    /** The lines with their line breaks, long lines cut to the limit. */
    private static List<String> pieces(String text, int limit) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            cut(text.substring(start, end), limit, pieces);
            start = end;
        }
        return pieces;
    }

    /** The line cut into pieces of at most {@code limit} characters, never between the halves of a surrogate pair. */
    public static List<String> cut(String line, int limit) {
        List<String> pieces = new ArrayList<>();
        cut(line, limit, pieces);
        return pieces;
    }

    private static void cut(String line, int limit, List<String> pieces) {
        int start = 0;
        while (line.length() - start > limit) {
            int end = start + limit;
            // Never separate the two halves of a surrogate pair (emoji), Telegram would reject the text.
            if (Character.isHighSurrogate(line.charAt(end - 1)) && limit > 1) {
                end--;
            }
            pieces.add(line.substring(start, end));
            start = end;
        }
        pieces.add(line.substring(start));
    }

    private static void addUnlessBlank(List<String> messages, StringBuilder message) {
        // Telegram refuses a message that is empty after trimming.
        if (!message.toString().isBlank()) {
            messages.add(message.toString());
        }
    }
}

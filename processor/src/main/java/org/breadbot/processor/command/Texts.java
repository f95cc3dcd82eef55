package org.breadbot.processor.command;

/**
 * Text helpers with Python's notion of whitespace (any Unicode white space, no-break space included).
 *
 * <p>Written as loops, not regular expressions: {@code ^\s+|\s+$} tries the second alternative at every position of
 * an inner whitespace run and scans to its end each time, so a message with a long run of spaces in the middle cost
 * time quadratic in its length (a quarter of a second for 4,000 spaces). Every helper here is linear.
 */
final class Texts {

    private Texts() {
    }

    /** The text without leading and trailing white space. */
    static String strip(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end).toString();
    }

    /**
     * The text on one line: every run of white space that holds a line break becomes one space; other white space
     * stays as it is.
     */
    static String oneLine(CharSequence text) {
        StringBuilder line = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isWhitespace(c)) {
                if (line != null) {
                    line.append(c);
                }
                i++;
                continue;
            }
            int runEnd = i;
            boolean breaks = false;
            while (runEnd < text.length() && isWhitespace(text.charAt(runEnd))) {
                breaks |= isLineBreak(text.charAt(runEnd));
                runEnd++;
            }
            if (breaks && line == null) {
                line = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (line != null) {
                if (breaks) {
                    line.append(' ');
                } else {
                    line.append(text, i, runEnd);
                }
            }
            i = runEnd;
        }
        return line == null ? text.toString() : line.toString();
    }

    /**
     * Unicode's White_Space, as {@code \s} matches it with {@code UNICODE_CHARACTER_CLASS}: the space, line and
     * paragraph separators, tab to carriage return, and NEL. Every such character is in the Basic Multilingual Plane.
     */
    static boolean isWhitespace(char c) {
        if (c >= '\t' && c <= '\r' || c == ' ' || c == '\u0085') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** A line break as {@code \R} knows it. */
    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }
}

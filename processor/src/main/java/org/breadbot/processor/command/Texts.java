package org.breadbot.processor.command;

import java.util.regex.Pattern;

/** Text helpers with Python's notion of whitespace (any Unicode white space, no-break space included). */
final class Texts {

    private static final Pattern EDGE_WHITESPACE =
            Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

    private Texts() {
    }

    static String strip(String text) {
        return EDGE_WHITESPACE.matcher(text).replaceAll("");
    }
}

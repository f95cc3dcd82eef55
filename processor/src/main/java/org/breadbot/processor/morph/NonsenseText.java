package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text the way the original generator did (spec §6.3 step 2): lines as Python's {@code splitlines}, each
 * line into runs of word characters, runs of whitespace, a double quote, and runs of other characters. The last
 * alternative reproduces the original character class, whose run also swallows directly following spaces, ASCII
 * digits and upper-case Latin letters ({@code (Hello} → {@code (H}, {@code ello}); that changes how many words a
 * line has, hence how many replacement attempts it gets.
 *
 * <p>That run is one character class (the union of both), repeated possessively: written as a group of two
 * alternatives, Java's matcher recursed once per character and overflowed its stack on about 10,000 punctuation
 * characters in a row. As it is, every token is found in time linear in the line's length.
 */
final class NonsenseText {

    private static final Pattern TOKEN = Pattern.compile("(?U)\\w+|\\s+|\"|[^\\w\\s\"][[^\\w\\s][ -Z]]*+");
    private static final Pattern WORD_START = Pattern.compile("(?U)^\\w");

    private NonsenseText() {
    }

    /** Lines split at any line break; a trailing line break is dropped, as {@code str.splitlines()} does. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The tokens of one line; concatenated they give the line back. */
    static List<String> tokens(CharSequence line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    static boolean isWord(String token) {
        return WORD_START.matcher(token).find();
    }
}

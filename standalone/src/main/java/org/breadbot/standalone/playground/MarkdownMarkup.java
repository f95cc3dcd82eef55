package org.breadbot.standalone.playground;

import org.breadbot.standalone.playground.Markup.Entity;
import org.breadbot.standalone.playground.Markup.MarkupException;

/**
 * The legacy {@code parse_mode=Markdown}: {@code *bold*}, {@code _italic_}, {@code `code`}, {@code ```pre```} and
 * {@code [text](url)}, no nesting; a backslash escapes the four marks.
 */
final class MarkdownMarkup {

    private final String source;
    private final Markup.Builder out = new Markup.Builder();

    MarkdownMarkup(String source) {
        this.source = source;
    }

    Markup.Formatted parse() throws MarkupException {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && "_*`[".indexOf(source.charAt(i + 1)) >= 0) {
                out.text.append(source.charAt(i + 1));
                i += 2;
            } else if (c == '*' || c == '_') {
                i = span(i, String.valueOf(c), c == '*' ? "bold" : "italic");
            } else if (source.startsWith("```", i)) {
                i = span(i, "```", "pre");
            } else if (c == '`') {
                i = span(i, "`", "code");
            } else if (c == '[') {
                i = link(i);
            } else {
                out.text.append(c);
                i++;
            }
        }
        return out.build();
    }

    private int span(int at, String mark, String type) throws MarkupException {
        int end = source.indexOf(mark, at + mark.length());
        if (end < 0) {
            throw unclosed(at);
        }
        int start = out.position();
        out.text.append(source, at + mark.length(), end);
        out.entities.add(Entity.of(type, start, out.position() - start));
        return end + mark.length();
    }

    private int link(int at) throws MarkupException {
        int close = source.indexOf(']', at + 1);
        if (close < 0) {
            throw unclosed(at);
        }
        int start = out.position();
        out.text.append(source, at + 1, close);
        if (close + 1 >= source.length() || source.charAt(close + 1) != '(') {
            return close + 1;
        }
        int urlEnd = source.indexOf(')', close + 2);
        if (urlEnd < 0) {
            throw unclosed(at);
        }
        Entity entity = Markup.link(source.substring(close + 2, urlEnd), start, out.position() - start);
        if (entity != null) {
            out.entities.add(entity);
        }
        return urlEnd + 1;
    }

    private MarkupException unclosed(int at) {
        return new MarkupException("Can't find end of the entity starting at byte offset "
                + Markup.byteOffset(source, at));
    }
}

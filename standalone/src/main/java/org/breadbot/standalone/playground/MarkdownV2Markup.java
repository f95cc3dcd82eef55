package org.breadbot.standalone.playground;

import java.util.ArrayDeque;
import java.util.Deque;
import org.breadbot.standalone.playground.Markup.Entity;
import org.breadbot.standalone.playground.Markup.MarkupException;

/**
 * {@code parse_mode=MarkdownV2}: bold, italic, underline, strikethrough, spoiler, code, pre, links, mentions of
 * users, custom emoji and block quotes; every other reserved character must be escaped, as Telegram demands.
 */
final class MarkdownV2Markup {

    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    private final String source;
    private final Markup.Builder out = new Markup.Builder();
    private final Deque<Open> open = new ArrayDeque<>();
    private int quoteStart = -1;
    private boolean quoteExpandable;

    /** An entity waiting for its closing mark; {@code at} is where it started in the source. */
    private record Open(String type, int start, int at, String language) {
    }

    MarkdownV2Markup(String source) {
        this.source = source;
    }

    Markup.Formatted parse() throws MarkupException {
        int i = 0;
        boolean lineStart = true;
        while (i < source.length()) {
            Open top = open.peek();
            if (top != null && (top.type().equals("code") || top.type().equals("pre"))) {
                i = insideCode(i, top);
                continue;
            }
            if (lineStart) {
                lineStart = false;
                int quoted = quoteMark(i);
                if (quoted > i) {
                    i = quoted;
                    continue;
                }
                closeQuote();
            }
            char c = source.charAt(i);
            if (c == '\n') {
                out.text.append(c);
                lineStart = true;
                i++;
            } else {
                i = mark(i, c);
            }
        }
        closeQuote();
        if (!open.isEmpty()) {
            throw new MarkupException("Can't find end of the entity starting at byte offset "
                    + Markup.byteOffset(source, open.peek().at()));
        }
        return out.build();
    }

    private int mark(int i, char c) throws MarkupException {
        char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
        if (c == '\\') {
            if (next > 0 && next <= 126) {
                out.text.append(next);
                return i + 2;
            }
            out.text.append(c);
            return i + 1;
        }
        return switch (c) {
            case '*' -> toggle("bold", i, 1);
            case '_' -> next == '_' ? toggle("underline", i, 2) : toggle("italic", i, 1);
            case '~' -> toggle("strikethrough", i, 1);
            case '|' -> next == '|' ? toggle("spoiler", i, 2) : reserved(i, c);
            case '`' -> source.startsWith("```", i) ? openPre(i) : push("code", i, 1);
            case '[' -> push("link", i, 1);
            case '!' -> next == '[' ? push("emoji", i, 2) : reserved(i, c);
            case ']' -> closeLink(i);
            default -> {
                if (RESERVED.indexOf(c) >= 0) {
                    yield reserved(i, c);
                }
                out.text.append(c);
                yield i + 1;
            }
        };
    }

    private int reserved(int i, char c) throws MarkupException {
        throw new MarkupException("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
    }

    private int toggle(String type, int i, int width) {
        Open top = open.peek();
        if (top != null && top.type().equals(type)) {
            open.pop();
            out.entities.add(Entity.of(type, top.start(), out.position() - top.start()));
            return i + width;
        }
        return push(type, i, width);
    }

    private int push(String type, int i, int width) {
        open.push(new Open(type, out.position(), i, null));
        return i + width;
    }

    /** {@code ```lang} then a line break: the rest of the first line names the language. */
    private int openPre(int i) {
        int afterTicks = i + 3;
        int lineEnd = source.indexOf('\n', afterTicks);
        String language = null;
        int contentStart = afterTicks;
        if (lineEnd >= 0) {
            String firstLine = source.substring(afterTicks, lineEnd);
            if (!firstLine.isBlank() && firstLine.chars().noneMatch(Character::isWhitespace)) {
                language = firstLine;
                contentStart = lineEnd + 1;
            }
        }
        open.push(new Open("pre", out.position(), i, language));
        return contentStart;
    }

    /** Inside code and pre only {@code `} and {@code \} are special. */
    private int insideCode(int i, Open top) {
        char c = source.charAt(i);
        if (c == '\\' && i + 1 < source.length()) {
            out.text.append(source.charAt(i + 1));
            return i + 2;
        }
        if (top.type().equals("pre") && source.startsWith("```", i)) {
            open.pop();
            out.entities.add(new Entity("pre", top.start(), out.position() - top.start(), null, null,
                    top.language(), null));
            return i + 3;
        }
        if (top.type().equals("code") && c == '`') {
            open.pop();
            out.entities.add(Entity.of("code", top.start(), out.position() - top.start()));
            return i + 1;
        }
        out.text.append(c);
        return i + 1;
    }

    /** {@code [text](url)} and {@code ![emoji](tg://emoji?id=..)}; a {@code )} or {@code \} in the url is escaped. */
    private int closeLink(int i) throws MarkupException {
        Open top = open.peek();
        if (top == null || !(top.type().equals("link") || top.type().equals("emoji"))) {
            return reserved(i, ']');
        }
        open.pop();
        int length = out.position() - top.start();
        if (i + 1 >= source.length() || source.charAt(i + 1) != '(') {
            return i + 1;
        }
        StringBuilder url = new StringBuilder();
        int j = i + 2;
        while (j < source.length() && source.charAt(j) != ')') {
            if (source.charAt(j) == '\\' && j + 1 < source.length()) {
                j++;
            }
            url.append(source.charAt(j));
            j++;
        }
        if (j >= source.length()) {
            throw new MarkupException("Can't find end of a URL at byte offset " + Markup.byteOffset(source, i + 1));
        }
        Entity entity = Markup.link(url.toString(), top.start(), length);
        if (entity != null) {
            out.entities.add(entity);
        }
        return j + 1;
    }

    /** {@code >} (or {@code **>} for an expandable quote) at a line start: the line belongs to a block quote. */
    private int quoteMark(int i) {
        int width = source.startsWith("**>", i) ? 3 : source.startsWith(">", i) ? 1 : 0;
        if (width == 0) {
            return i;
        }
        if (quoteStart < 0) {
            quoteStart = out.position();
            quoteExpandable = width == 3;
        }
        return i + width;
    }

    private void closeQuote() {
        if (quoteStart < 0) {
            return;
        }
        int end = out.position();
        if (end > quoteStart && out.text.charAt(end - 1) == '\n') {
            end--;
        }
        out.entities.add(Entity.of(quoteExpandable ? "expandable_blockquote" : "blockquote", quoteStart,
                end - quoteStart));
        quoteStart = -1;
    }
}

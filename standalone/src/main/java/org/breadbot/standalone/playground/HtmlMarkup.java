package org.breadbot.standalone.playground;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.breadbot.standalone.playground.Markup.Entity;
import org.breadbot.standalone.playground.Markup.MarkupException;

/** {@code parse_mode=HTML}: Telegram's tag subset and its four named entities, with Telegram's error wording. */
final class HtmlMarkup {

    private static final Map<String, String> SIMPLE_TAGS = Map.ofEntries(
            Map.entry("b", "bold"), Map.entry("strong", "bold"),
            Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"),
            Map.entry("s", "strikethrough"), Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"),
            Map.entry("tg-spoiler", "spoiler"), Map.entry("code", "code"), Map.entry("pre", "pre"),
            Map.entry("a", "text_link"), Map.entry("span", "spoiler"), Map.entry("tg-emoji", "custom_emoji"),
            Map.entry("blockquote", "blockquote"));

    private final String source;
    private final Markup.Builder out = new Markup.Builder();
    private final Deque<Open> open = new ArrayDeque<>();

    /** A start tag waiting for its end tag. */
    private static final class Open {
        final String tag;
        final int start;
        final Map<String, String> attributes;
        String language;

        Open(String tag, int start, Map<String, String> attributes) {
            this.tag = tag;
            this.start = start;
            this.attributes = attributes;
        }
    }

    HtmlMarkup(String source) {
        this.source = source;
    }

    Markup.Formatted parse() throws MarkupException {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '&') {
                i = characterReference(i, out.text);
            } else if (c != '<') {
                out.text.append(c);
                i++;
            } else if (i + 1 < source.length() && source.charAt(i + 1) == '/') {
                i = endTag(i);
            } else {
                i = startTag(i);
            }
        }
        if (!open.isEmpty()) {
            throw new MarkupException("Can't find end tag corresponding to start tag \"" + open.peek().tag + "\"");
        }
        return out.build();
    }

    /** {@code &lt; &gt; &amp; &quot;} and numeric references; anything else stays as typed. */
    private int characterReference(int at, StringBuilder into) {
        int semicolon = source.indexOf(';', at);
        if (semicolon < 0 || semicolon - at > 10) {
            into.append('&');
            return at + 1;
        }
        String name = source.substring(at + 1, semicolon);
        Integer codePoint = switch (name) {
            case "lt" -> (int) '<';
            case "gt" -> (int) '>';
            case "amp" -> (int) '&';
            case "quot" -> (int) '"';
            default -> numeric(name);
        };
        if (codePoint == null) {
            into.append('&');
            return at + 1;
        }
        into.appendCodePoint(codePoint);
        return semicolon + 1;
    }

    private static Integer numeric(String name) {
        try {
            int value;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                value = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                value = Integer.parseInt(name.substring(1));
            } else {
                return null;
            }
            return value > 0 && value <= Character.MAX_CODE_POINT ? value : null;
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private int startTag(int at) throws MarkupException {
        int i = at + 1;
        int nameStart = i;
        while (i < source.length() && isNameChar(source.charAt(i))) {
            i++;
        }
        String tag = source.substring(nameStart, i).toLowerCase(Locale.ROOT);
        if (!SIMPLE_TAGS.containsKey(tag)) {
            throw new MarkupException("Unsupported start tag \"" + tag + "\" at byte offset " + offset(at));
        }
        Map<String, String> attributes = new HashMap<>();
        while (true) {
            while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            if (i >= source.length()) {
                throw new MarkupException("Unclosed start tag at byte offset " + offset(at));
            }
            if (source.charAt(i) == '>') {
                break;
            }
            i = attribute(i, tag, attributes);
        }
        if (tag.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            throw new MarkupException("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + offset(at));
        }
        open.push(new Open(tag, out.position(), attributes));
        return i + 1;
    }

    private int attribute(int at, String tag, Map<String, String> attributes) throws MarkupException {
        int i = at;
        while (i < source.length() && isNameChar(source.charAt(i))) {
            i++;
        }
        if (i == at) {
            throw new MarkupException("Empty attribute name in the tag \"" + tag + "\" at byte offset " + offset(at));
        }
        String name = source.substring(at, i).toLowerCase(Locale.ROOT);
        if (i >= source.length() || source.charAt(i) != '=') {
            attributes.put(name, "");
            return i;
        }
        i++;
        StringBuilder value = new StringBuilder();
        if (i < source.length() && (source.charAt(i) == '"' || source.charAt(i) == '\'')) {
            char quote = source.charAt(i++);
            while (i < source.length() && source.charAt(i) != quote) {
                i = source.charAt(i) == '&' ? characterReference(i, value) : appendChar(i, value);
            }
            if (i >= source.length()) {
                throw new MarkupException("Unclosed start tag at byte offset " + offset(at));
            }
            i++;
        } else {
            while (i < source.length() && !Character.isWhitespace(source.charAt(i)) && source.charAt(i) != '>') {
                i = source.charAt(i) == '&' ? characterReference(i, value) : appendChar(i, value);
            }
        }
        attributes.put(name, value.toString());
        return i;
    }

    private int appendChar(int i, StringBuilder into) {
        into.append(source.charAt(i));
        return i + 1;
    }

    private int endTag(int at) throws MarkupException {
        int i = at + 2;
        int nameStart = i;
        while (i < source.length() && isNameChar(source.charAt(i))) {
            i++;
        }
        String tag = source.substring(nameStart, i).toLowerCase(Locale.ROOT);
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        if (i >= source.length() || source.charAt(i) != '>') {
            throw new MarkupException("Unclosed end tag at byte offset " + offset(at));
        }
        if (open.isEmpty()) {
            throw new MarkupException("Unexpected end tag at byte offset " + offset(at));
        }
        if (!open.peek().tag.equals(tag)) {
            throw new MarkupException("Unmatched end tag at byte offset " + offset(at) + ", expected \"</"
                    + open.peek().tag + ">\", found \"</" + tag + ">\"");
        }
        close(open.pop());
        return i + 1;
    }

    private void close(Open tag) {
        int length = out.position() - tag.start;
        String type = SIMPLE_TAGS.get(tag.tag);
        Entity entity = switch (tag.tag) {
            case "a" -> tag.attributes.containsKey("href") ? Markup.link(tag.attributes.get("href"), tag.start, length)
                    : null;
            case "code" -> code(tag, length);
            case "pre" -> new Entity("pre", tag.start, length, null, null, tag.language, null);
            case "blockquote" -> Entity.of(tag.attributes.containsKey("expandable") ? "expandable_blockquote"
                    : "blockquote", tag.start, length);
            case "tg-emoji" -> new Entity("custom_emoji", tag.start, length, null, null, null,
                    tag.attributes.getOrDefault("emoji-id", ""));
            default -> Entity.of(type, tag.start, length);
        };
        if (entity != null) {
            out.entities.add(entity);
        }
    }

    /** {@code <pre><code class="language-x">} gives the pre its language instead of adding a code entity. */
    private Entity code(Open tag, int length) {
        String cssClass = tag.attributes.getOrDefault("class", "");
        Open parent = open.peek();
        if (parent != null && parent.tag.equals("pre") && cssClass.startsWith("language-")) {
            parent.language = cssClass.substring("language-".length());
            return null;
        }
        return Entity.of("code", tag.start, length);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private int offset(int index) {
        return Markup.byteOffset(source, index);
    }
}

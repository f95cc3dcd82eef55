package org.breadbot.standalone.playground;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.breadbot.common.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram's formatting options: like the real Bot API, the emulator turns {@code parse_mode} text into plain text
 * plus entities, so the page has only one thing to render (entities, never markup) and user text can never become
 * HTML. Offsets and lengths count UTF-16 code units, as Telegram's and Java's strings do.
 */
final class Markup {

    private Markup() {
    }

    /** One formatting entity as the Bot API describes it. */
    record Entity(String type, int offset, int length, String url, Long userId, String language,
            String customEmojiId) {

        static Entity of(String type, int offset, int length) {
            return new Entity(type, offset, length, null, null, null, null);
        }

        ObjectNode toJson() {
            ObjectNode node = Json.mapper().createObjectNode()
                    .put("type", type).put("offset", offset).put("length", length);
            if (url != null) {
                node.put("url", url);
            }
            if (userId != null) {
                node.set("user", Json.mapper().createObjectNode()
                        .put("id", userId).put("is_bot", false).put("first_name", ""));
            }
            if (language != null) {
                node.put("language", language);
            }
            if (customEmojiId != null) {
                node.put("custom_emoji_id", customEmojiId);
            }
            return node;
        }
    }

    /** Text and its entities, sorted as Telegram sorts them (by offset, longer first). */
    record Formatted(String text, List<Entity> entities) {

        Formatted {
            entities = entities.stream()
                    .filter(entity -> entity.length() > 0)
                    .sorted(Comparator.comparingInt(Entity::offset).thenComparing(Entity::length,
                            Comparator.reverseOrder()))
                    .toList();
        }

        ArrayNode entitiesJson() {
            ArrayNode array = Json.mapper().createArrayNode();
            entities.forEach(entity -> array.add(entity.toJson()));
            return array;
        }
    }

    /** Telegram's 400 "can't parse entities"; the message is Telegram's wording after that prefix. */
    static final class MarkupException extends Exception {

        MarkupException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code source} in {@code parseMode} (HTML, MarkdownV2 or Markdown, any case). */
    static Formatted parse(String parseMode, String source) throws MarkupException {
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> new HtmlMarkup(source).parse();
            case "markdownv2" -> new MarkdownV2Markup(source).parse();
            case "markdown" -> new MarkdownMarkup(source).parse();
            default -> throw new IllegalArgumentException("unsupported parse_mode");
        };
    }

    static boolean isSupported(String parseMode) {
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html", "markdownv2", "markdown" -> true;
            default -> false;
        };
    }

    /** Telegram reports positions in UTF-8 bytes of the source. */
    static int byteOffset(String source, int index) {
        return source.substring(0, Math.min(index, source.length())).getBytes(StandardCharsets.UTF_8).length;
    }

    /** A link target becomes a text_mention when it names a user, else a text_link; null when unusable. */
    static Entity link(String url, int offset, int length) {
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tg://user?id=")) {
            try {
                long id = Long.parseLong(trimmed.substring("tg://user?id=".length()));
                return new Entity("text_mention", offset, length, null, id, null, null);
            } catch (NumberFormatException notAUser) {
                return null;
            }
        }
        if (lower.startsWith("tg://emoji?id=")) {
            return new Entity("custom_emoji", offset, length, null, null, null,
                    trimmed.substring("tg://emoji?id=".length()));
        }
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        boolean hasScheme = lower.matches("[a-z][a-z0-9+.-]*:.*");
        return new Entity("text_link", offset, length, hasScheme ? trimmed : "http://" + trimmed, null, null, null);
    }

    /** Collects entities while the plain text is written. */
    static final class Builder {

        final StringBuilder text = new StringBuilder();
        final List<Entity> entities = new ArrayList<>();

        int position() {
            return text.length();
        }

        Formatted build() {
            return new Formatted(text.toString(), entities);
        }
    }
}

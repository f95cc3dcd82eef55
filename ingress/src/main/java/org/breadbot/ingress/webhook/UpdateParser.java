package org.breadbot.ingress.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.UpdateEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a webhook body can be a Telegram update and reads what routing needs. Only the envelope is
 * read; the bytes themselves are stored unchanged.
 *
 * <p>The body is streamed through Jackson's parser, which checks all of it exactly as reading it into a tree would
 * (syntax, nesting depth, number and name lengths, nothing after the object), but only the part of the tree that
 * {@link UpdateEnvelope#of} can look at is built: {@code update_id}, every top-level property in order, and objects
 * and integers down to {@link #KEPT_OBJECT_DEPTH}. Everything else is skipped, with a {@code null} in its place, so
 * that a duplicate key still replaces the earlier value where the tree would. The answers are the tree's.
 */
final class UpdateParser {

    /** Strict: garbage after the object means the body is not one update. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Objects this deep (the root is 0, an update's kind 1) are still built: {@link UpdateEnvelope} follows paths of
     * at most three steps below the kind ({@code callback_query.message.chat.id}), so the objects it passes through
     * are at depths 1 to 3 and the ids it reads at depth 4 at most. UpdateParserTest checks this against its tables.
     */
    static final int KEPT_OBJECT_DEPTH = 3;
    /**
     * Strings are skipped, not read: the parser checks their length only when reading them. A body shorter than
     * the longest string allowed cannot hold a longer one; a longer body (over 2 Mi characters, beyond any webhook
     * limit) is read into a tree as before.
     */
    private static final int STREAMED_MAX_CHARS =
            Json.mapper().tokenStreamFactory().streamReadConstraints().getMaxStringLength();

    private UpdateParser() {
    }

    /** The outcome of parsing: an envelope, or why the body was refused (safe to show the sender). */
    record Parsed(UpdateEnvelope envelope, String problem) {

        static Parsed valid(UpdateEnvelope envelope) {
            return new Parsed(envelope, null);
        }

        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }

        boolean isValid() {
            return envelope != null;
        }
    }

    static Parsed parse(byte[] body) {
        if (body.length == 0) {
            return Parsed.invalid("empty body");
        }
        CharBuffer text = strictUtf8(body);
        if (text == null) {
            return Parsed.invalid("body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = text.remaining() <= STREAMED_MAX_CHARS ? readEnvelopeTree(text) : READER.readTree(text.toString());
        } catch (StreamConstraintsException tooDeep) {
            return Parsed.invalid("JSON nested too deeply, or a number or name too long");
        } catch (JacksonException malformed) {
            return Parsed.invalid("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return Parsed.invalid("body is not a JSON object");
        }
        UpdateEnvelope.Read read = UpdateEnvelope.read(root);
        return read.valid().map(Parsed::valid).orElseGet(() -> Parsed.invalid(read.problem()));
    }

    /** The part of the body's tree that {@link UpdateEnvelope#of} reads; null for a body of only whitespace. */
    private static JsonNode readEnvelopeTree(CharBuffer text) {
        try (JsonParser parser = READER.createParser(text.array(), text.arrayOffset() + text.position(),
                text.remaining())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = value(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new TrailingTokens(parser);
            }
            return root;
        }
    }

    /** The value the parser is at: objects and integers up to the kept depth, a null node in place of the rest. */
    private static JsonNode value(JsonParser parser, JsonToken token, int depth) {
        switch (token) {
            case START_OBJECT:
                if (depth <= KEPT_OBJECT_DEPTH) {
                    ObjectNode object = NODES.objectNode();
                    for (JsonToken next = parser.nextToken(); next == JsonToken.PROPERTY_NAME;
                            next = parser.nextToken()) {
                        String name = parser.currentName();
                        // as in the tree: a repeated key keeps its first place and takes the last value
                        object.set(name, value(parser, parser.nextToken(), depth + 1));
                    }
                    return object;
                }
                skip(parser);
                return NullNode.getInstance();
            case START_ARRAY:
                skip(parser);
                return NullNode.getInstance();
            case VALUE_NUMBER_INT:
                return integer(parser);
            case VALUE_NUMBER_FLOAT:
                scalar(parser, token);
                return NullNode.getInstance();
            default:
                return NullNode.getInstance();
        }
    }

    /** Skips the object or array the parser is at, checking every token in it. */
    private static void skip(JsonParser parser) {
        int open = 1;
        while (open > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return; // the parser reports an unclosed container itself; not reached
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            } else {
                scalar(parser, token);
            }
        }
    }

    /** Reads a number as the tree would (which checks what only reading a number checks); skips the rest. */
    private static void scalar(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            integer(parser);
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            parser.getDoubleValue();
        }
    }

    private static JsonNode integer(JsonParser parser) {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    /** What the tree's reader throws for content after the first value (FAIL_ON_TRAILING_TOKENS). */
    private static final class TrailingTokens extends JacksonException {

        private static final long serialVersionUID = 1L;

        TrailingTokens(JsonParser parser) {
            super(parser, "trailing token after the update");
        }
    }

    /**
     * Decoded here rather than by the JSON parser, which would accept overlong forms and lone surrogates, and would
     * guess UTF-16 or UTF-32 from leading zero bytes.
     */
    private static CharBuffer strictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

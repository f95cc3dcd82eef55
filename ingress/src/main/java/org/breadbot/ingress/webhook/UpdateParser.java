package org.breadbot.ingress.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.UpdateEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Decides whether a webhook body can be a Telegram update and reads what routing needs. Only the envelope is
 * read; the bytes themselves are stored unchanged.
 */
final class UpdateParser {

    /** Strict: garbage after the object means the body is not one update. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        Optional<CharBuffer> text = strictUtf8(body);
        if (text.isEmpty()) {
            return Parsed.invalid("body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = READER.readTree(text.get().toString());
        } catch (StreamConstraintsException tooDeep) {
            return Parsed.invalid("JSON nested too deeply, or a number or name too long");
        } catch (JacksonException malformed) {
            return Parsed.invalid("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return Parsed.invalid("body is not a JSON object");
        }
        return UpdateEnvelope.of(root)
                .map(Parsed::valid)
                .orElseGet(() -> Parsed.invalid("update_id missing or not an integer"));
    }

    /**
     * Decoded here rather than by the JSON parser, which would accept overlong forms and lone surrogates, and would
     * guess UTF-16 or UTF-32 from leading zero bytes.
     */
    private static Optional<CharBuffer> strictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(body)));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

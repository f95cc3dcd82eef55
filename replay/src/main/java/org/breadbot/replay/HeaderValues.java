package org.breadbot.replay;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;

/**
 * Header values as text. bread-bot's own headers are UTF-8; spring-kafka's dead-letter headers carry binary
 * partition, offset and timestamp numbers, and a hostile producer can write anything, so bytes that are not
 * UTF-8 text come out as {@code base64:...} instead of replacement characters.
 */
final class HeaderValues {

    static final String BASE64_PREFIX = "base64:";

    private HeaderValues() {
    }

    /** Every header as text, in record order; of repeated names the last one wins. */
    static Map<String, String> asText(Iterable<Header> headers) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Header header : headers) {
            text.put(header.key(), text(header.value()));
        }
        return text;
    }

    /** The value as UTF-8 text, else {@code base64:<bytes>}; null stays null. */
    static String text(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            String decoded = chars.toString();
            return hasControlCharacters(decoded) ? base64(value) : decoded;
        } catch (CharacterCodingException e) {
            return base64(value);
        }
    }

    /** A big-endian int or long header (spring-kafka's {@code kafka_dlt-original-*}), else its text. */
    static String number(byte[] value) {
        if (value != null && value.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        if (value != null && value.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(value).getLong());
        }
        return text(value);
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static String base64(byte[] value) {
        return BASE64_PREFIX + Base64.getEncoder().encodeToString(value);
    }
}

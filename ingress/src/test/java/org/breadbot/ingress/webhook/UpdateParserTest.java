package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateParserTest {

    private static UpdateParser.Parsed parse(String body) {
        return UpdateParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void objectWithIntegerUpdateIdIsValid() {
        UpdateParser.Parsed parsed = parse("{\"update_id\":1,\"message\":{\"chat\":{\"id\":5}}}");

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.envelope().updateId()).isEqualTo(1);
        assertThat(parsed.envelope().key()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "not json", "{\"update_id\":1", "[{\"update_id\":1}]", "42", "\"text\"", "null",
        "{}", "{\"update_id\":\"1\"}", "{\"update_id\":1.5}", "{\"update_id\":1.0}", "{\"update_id\":null}",
        "{\"update_id\":true}", "{\"update_id\":123456789012345678901234567890}", "{\"update_id\":1} {}",
        "{\"update_id\":1} x", "{\"update_id\":1,}", "{update_id:1}", "{'update_id':1}"})
    void bodiesThatCannotBeAnUpdateAreRefused(String body) {
        UpdateParser.Parsed parsed = parse(body);

        assertThat(parsed.isValid()).as(body).isFalse();
        assertThat(parsed.problem()).isNotBlank();
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        String deep = "{\"update_id\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        UpdateParser.Parsed parsed = parse(deep);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problem()).contains("nested");
    }

    @Test
    void numbersOfThousandsOfDigitsAreRefusedAsTooLong() {
        String body = "{\"update_id\":1,\"message\":{\"message_id\":" + "9".repeat(5_000) + "}}";
        long started = System.nanoTime();

        UpdateParser.Parsed parsed = parse(body);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problem()).contains("too long");
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void aFieldNameLongerThanTheParserAllowsIsRefused() {
        UpdateParser.Parsed parsed = parse("{\"update_id\":1,\"" + "n".repeat(60_000) + "\":1}");

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problem()).contains("too long");
    }

    @Test
    void hugeStringsInKnownAndUnknownFieldsAreData() {
        String huge = "я".repeat(400_000);
        UpdateParser.Parsed parsed = parse("{\"update_id\":2,\"message\":{\"chat\":{\"id\":1},\"text\":\"" + huge
                + "\"},\"x\":\"" + huge + "\"}");

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.envelope().updateId()).isEqualTo(2);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] lone = {'{', '"', 'u', 'p', 'd', 'a', 't', 'e', '_', 'i', 'd', '"', ':', '1', ',', '"', 't', '"', ':',
            '"', (byte) 0xFF, '"', '}'};
        byte[] overlong = "{\"update_id\":1,\"t\":\"..\"}".getBytes(StandardCharsets.UTF_8);
        overlong[20] = (byte) 0xC0;
        overlong[21] = (byte) 0xAF;
        byte[] surrogate = "{\"update_id\":1,\"t\":\"...\"}".getBytes(StandardCharsets.UTF_8);
        surrogate[20] = (byte) 0xED;
        surrogate[21] = (byte) 0xA0;
        surrogate[22] = (byte) 0x80;

        assertThat(UpdateParser.parse(lone).problem()).contains("UTF-8");
        assertThat(UpdateParser.parse(overlong).problem()).contains("UTF-8");
        assertThat(UpdateParser.parse(surrogate).problem()).contains("UTF-8");
    }

    @Test
    void utf16BodyIsNotGuessedButRefused() {
        byte[] utf16 = "{\"update_id\":1}".getBytes(StandardCharsets.UTF_16BE);

        assertThat(UpdateParser.parse(utf16).isValid()).isFalse();
    }

    @Test
    void escapedNulAndBidiCharactersAreData() {
        UpdateParser.Parsed parsed = parse("{\"update_id\":9,\"message\":{\"chat\":{\"id\":1},"
                + "\"text\":\"a\\u0000b \u202Eevil\u202C \u200F\"}}");

        assertThat(parsed.isValid()).isTrue();
    }

    @Test
    void rawControlCharacterInsideStringIsRefused() {
        assertThat(parse("{\"update_id\":9,\"text\":\"a\u0000b\"}").isValid()).isFalse();
    }

    @Test
    void unknownKindIsValid() {
        UpdateParser.Parsed parsed = parse("{\"update_id\":3,\"brand_new_kind\":{\"a\":[1,2,3]}}");

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.envelope().type()).isEqualTo("brand_new_kind");
    }
}

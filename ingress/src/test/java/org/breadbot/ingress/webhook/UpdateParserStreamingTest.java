package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The streaming parse gives the answers reading the whole body into a tree gave (the implementation before it,
 * kept here as the reference): same envelope, same problem, for edge cases and for generated bodies.
 */
class UpdateParserStreamingTest {

    private static final ObjectReader TREE = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The parse as it was before streaming: the whole body read into a tree. */
    private static UpdateParser.Parsed reference(byte[] body) {
        if (body.length == 0) {
            return UpdateParser.Parsed.invalid("empty body");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return UpdateParser.Parsed.invalid("body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = TREE.readTree(text);
        } catch (StreamConstraintsException tooDeep) {
            return UpdateParser.Parsed.invalid("JSON nested too deeply, or a number or name too long");
        } catch (JacksonException malformed) {
            return UpdateParser.Parsed.invalid("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return UpdateParser.Parsed.invalid("body is not a JSON object");
        }
        UpdateEnvelope.Read read = UpdateEnvelope.read(root);
        return read.valid().map(UpdateParser.Parsed::valid)
                .orElseGet(() -> UpdateParser.Parsed.invalid(read.problem()));
    }

    private static void assertSameAsTree(byte[] body) {
        assertThat(UpdateParser.parse(body)).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(reference(body));
    }

    static List<String> edgeCases() {
        return List.of(
                " ", "\t\r\n ", "\uFEFF{\"update_id\":1}", "{\"update_id\":1}\uFEFF", "{\"update_id\":1}   ",
                "{\"update_id\":1} // x", "{\"update_id\":1} /* x */", "{\"update_id\":1}\u0000",
                "{\"update_id\":1,\"update_id\":2}", "{\"update_id\":\"x\",\"update_id\":2}",
                "{\"update_id\":2,\"update_id\":\"x\"}", "{\"update_id\":2,\"update_id\":null}",
                "{\"update_id\":-0}", "{\"update_id\":9223372036854775807}", "{\"update_id\":9223372036854775808}",
                "{\"update_id\":-9223372036854775808}", "{\"update_id\":-9223372036854775809}",
                "{\"update_id\":1e3}", "{\"update_id\":01}", "{\"update_id\":+1}", "{\"update_id\":NaN}",
                "{\"update_id\":1,\"message\":5,\"edited_message\":{\"chat\":{\"id\":7}},\"message\":{\"chat\":{\"id\":8}}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":7}},\"message\":5,\"edited_message\":{\"chat\":{\"id\":9}}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":1},\"chat\":{\"id\":2}}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":1},\"chat\":5}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":1,\"id\":\"x\"},\"from\":{\"id\":3}}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":1.0},\"from\":{\"id\":3}}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":99999999999999999999},\"from\":{\"id\":3}}}",
                "{\"update_id\":1,\"message\":{\"chat\":{\"id\":null},\"from\":null}}",
                "{\"update_id\":1,\"message\":{\"chat\":[{\"id\":1}],\"from\":{\"id\":[3]}}}",
                "{\"update_id\":1,\"callback_query\":{\"from\":{\"id\":4},\"message\":{\"chat\":{\"id\":5}}}}",
                "{\"update_id\":1,\"callback_query\":{\"from\":{\"id\":4},\"message\":{\"chat\":{\"id\":5,\"x\":{\"y\":{}}}}}}",
                "{\"update_id\":1,\"callback_query\":{\"message\":{\"chat\":{\"id\":{\"id\":5}}}}}",
                "{\"update_id\":1,\"poll_answer\":{\"user\":{\"id\":6}}}",
                "{\"update_id\":1,\"message_reaction\":{\"chat\":{\"id\":-100},\"user\":{\"id\":6}}}",
                "{\"update_id\":1,\"business_connection\":{\"user\":{\"id\":6},\"user\":{\"id\":7}}}",
                "{\"update_id\":1,\"x\":[[[{\"a\":1.5e999}]]],\"message\":{\"chat\":{\"id\":3}}}",
                "{\"update_id\":1,\"x\":[1,2,],\"message\":{}}", "{\"update_id\":1,\"x\":[1 2]}",
                "{\"update_id\":1,\"x\":\"\\uZZZZ\"}", "{\"update_id\":1,\"x\":\"\\q\"}",
                "{\"update_id\":1,\"x\":{\"y\":{\"z\":{\"w\":\"\\uD800\"}}}}",
                "{\"update_id\":1,\"message\":{}} {", "{\"update_id\":1,\"message\":{}}]", "{\"update_id\":1}}",
                "[]", "[1,2", "{}", "{\"\":{}}", "{\"update_id\":1,\"\":{\"chat\":{\"id\":2}}}",
                "true", "false", "1.5", "-", "{\"update_id\":1,\"x\":tru}", "{\"update_id\":1,\"x\":nul}",
                "{\"update_id\":1,\"a\":" + "[".repeat(63) + "]".repeat(63) + "}",
                "{\"update_id\":1,\"a\":" + "[".repeat(64) + "]".repeat(64) + "}",
                "{\"update_id\":1,\"a\":" + "{\"b\":".repeat(63) + "1" + "}".repeat(63) + "}",
                "{\"update_id\":1,\"a\":" + "{\"b\":".repeat(64) + "1" + "}".repeat(64) + "}",
                "{\"update_id\":1} " + "[".repeat(100) + "]".repeat(100),
                "{\"update_id\":1} " + "9".repeat(2000),
                "{\"update_id\":1,\"x\":[" + "9".repeat(1000) + "]}", "{\"update_id\":1,\"x\":[" + "9".repeat(1001) + "]}",
                "{\"update_id\":1,\"x\":[0." + "9".repeat(1000) + "]}", "{\"update_id\":1,\"x\":[1e" + "9".repeat(1000) + "]}",
                "{\"update_id\":" + "9".repeat(1001) + "}", "{\"update_id\":1,\"" + "n".repeat(50_001) + "\":{}}",
                "{\"update_id\":1,\"x\":{\"" + "n".repeat(50_001) + "\":1}}",
                "{\"update_id\":1,\"x\":\"" + "s".repeat(70_000) + "\"}");
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void edgeCasesGetTheTreesAnswer(String body) {
        assertSameAsTree(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void existingCasesGetTheTreesAnswer() {
        for (String body : List.of("", "   ", "not json", "{\"update_id\":1", "[{\"update_id\":1}]", "42",
                "\"text\"", "null", "{}", "{\"update_id\":\"1\"}", "{\"update_id\":1.5}", "{\"update_id\":1.0}",
                "{\"update_id\":null}", "{\"update_id\":true}", "{\"update_id\":123456789012345678901234567890}",
                "{\"update_id\":1} {}", "{\"update_id\":1} x", "{\"update_id\":1,}", "{update_id:1}",
                "{'update_id':1}", "{\"update_id\":9,\"text\":\"a\u0000b\"}")) {
            assertSameAsTree(body.getBytes(StandardCharsets.UTF_8));
        }
        assertSameAsTree("{\"update_id\":1}".getBytes(StandardCharsets.UTF_16BE));
        assertSameAsTree("{\"update_id\":1}".getBytes(StandardCharsets.UTF_16LE));
    }

    @Test
    void bodiesTooLongToStreamAreReadAsATree() {
        String huge = "x".repeat(2 * 1024 * 1024 + 1);
        assertSameAsTree(("{\"update_id\":1,\"message\":{\"chat\":{\"id\":3}},\"t\":\"" + huge + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertSameAsTree(("{\"update_id\":1,\"t\":\"" + "x".repeat(2 * 1024 * 1024 - 40) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(UpdateParser.parse(("{\"update_id\":1,\"t\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8))
                .problem()).contains("too long");
    }

    private static final String[] KEYS = {"update_id", "message", "edited_message", "callback_query",
        "poll_answer", "message_reaction", "business_connection", "chat_member", "chat", "from", "user", "id", "x"};

    @Test
    void generatedBodiesGetTheTreesAnswer() {
        Random random = new Random(20261127);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder json = new StringBuilder();
            object(random, json, 0);
            String body = json.toString();
            if (random.nextInt(4) == 0) {
                body = mutate(random, body);
            }
            assertSameAsTree(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void object(Random random, StringBuilder json, int depth) {
        json.append('{');
        int fields = random.nextInt(depth == 0 ? 5 : 4);
        if (depth == 0 && random.nextInt(8) != 0) {
            json.append("\"update_id\":").append(random.nextInt(3) == 0 ? "7" : Integer.toString(random.nextInt()));
            json.append(fields > 0 ? "," : "");
        }
        for (int f = 0; f < fields; f++) {
            json.append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
            value(random, json, depth + 1);
            json.append(f + 1 < fields ? "," : "");
        }
        json.append('}');
    }

    private static void value(Random random, StringBuilder json, int depth) {
        int kind = depth > 6 ? 3 + random.nextInt(7) : random.nextInt(10);
        switch (kind) {
            case 0, 1, 2 -> object(random, json, depth);
            case 3 -> json.append(random.nextInt(2000) - 1000);
            case 4 -> json.append(random.nextBoolean() ? "12345678901234567890123" : "-9223372036854775808");
            case 5 -> json.append(random.nextBoolean() ? "1.0" : "-2.5e3");
            case 6 -> json.append("\"s\\u00e9\\n").append(random.nextInt(10)).append('"');
            case 7 -> json.append(random.nextBoolean() ? "null" : "true");
            default -> {
                json.append('[');
                if (random.nextBoolean()) {
                    value(random, json, depth + 1);
                }
                json.append(']');
            }
        }
    }

    private static final String MUTATIONS = "{}[]\",:1 ex\\";

    private static String mutate(Random random, String body) {
        int at = random.nextInt(body.length() + 1);
        return switch (random.nextInt(3)) {
            case 0 -> body.substring(0, at);
            case 1 -> body.substring(0, at) + MUTATIONS.charAt(random.nextInt(MUTATIONS.length())) + body.substring(at);
            default -> at < body.length() ? body.substring(0, at) + body.substring(at + 1) : body + " 1";
        };
    }

    /** UpdateParser builds objects down to KEPT_OBJECT_DEPTH only: every path UpdateEnvelope follows fits. */
    @Test
    void theEnvelopesPathsFitInTheKeptDepth() throws ReflectiveOperationException {
        List<String[]> paths = new ArrayList<>();
        for (String table : List.of("CHAT_PATHS", "USER_PATHS")) {
            Field field = UpdateEnvelope.class.getDeclaredField(table);
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String[]> byKind = (Map<String, String[]>) field.get(null);
            paths.addAll(byKind.values());
        }
        assertThat(paths).isNotEmpty();
        // the defaults chat.id and from.id are shorter
        assertThat(paths).allSatisfy(path -> assertThat(path.length).isLessThanOrEqualTo(UpdateParser.KEPT_OBJECT_DEPTH));
    }
}

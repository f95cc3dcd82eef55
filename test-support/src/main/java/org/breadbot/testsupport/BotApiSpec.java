package org.breadbot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The machine-readable Bot API 10.1 ({@code botapi/botapi-10.1.json}, a copy of {@code shared/spec}): its methods
 * with their parameters, its types with their fields, and the fields of {@code Update}. {@link #problemsOf} checks a
 * call as the bot makes it against it, so a misspelt parameter, one the Bot API dropped, a wrong type or a missing
 * required one shows in a test and not as a 400 in production.
 */
public final class BotApiSpec {

    private static final String RESOURCE = "botapi/botapi-10.1.json";
    private static final String ARRAY_OF = "Array of ";
    private static final BotApiSpec INSTANCE = load();

    private final JsonNode root;

    private BotApiSpec(JsonNode root) {
        this.root = root;
    }

    /** The spec, read once from the classpath. */
    public static BotApiSpec current() {
        return INSTANCE;
    }

    private static BotApiSpec load() {
        try (InputStream in = BotApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new BotApiSpec(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the file describes, e.g. {@code "Bot API 10.1"}. */
    public String version() {
        return root.path("version").asString();
    }

    /** The names of {@code Update}'s optional fields (every field but {@code update_id}), in the spec's order. */
    public List<String> updateKinds() {
        List<String> kinds = new ArrayList<>();
        for (JsonNode field : root.path("update_fields")) {
            if (!"update_id".equals(field.path("name").asString())) {
                kinds.add(field.path("name").asString());
            }
        }
        return kinds;
    }

    /** The type an {@code Update} field holds, e.g. {@code message → Message}. */
    public String updateFieldType(String kind) {
        for (JsonNode field : root.path("update_fields")) {
            if (kind.equals(field.path("name").asString())) {
                return field.path("types").get(0).asString();
            }
        }
        throw new IllegalArgumentException("no Update field " + kind);
    }

    /**
     * What is wrong with calling {@code method} with these JSON parameters; empty when the spec allows it. Checks the
     * method exists, every parameter is one of its own, every required one is there, and each value has one of the
     * parameter's types, down through the fields of objects and the elements of arrays.
     */
    public List<String> problemsOf(String method, JsonNode params) {
        JsonNode parameters = root.path("methods").get(method);
        if (parameters == null) {
            return List.of("no method " + method + " in " + version());
        }
        List<String> problems = new ArrayList<>();
        checkFields(method, parameters, params, problems);
        return problems;
    }

    /** What is wrong with {@code value} as a {@code type} of the spec (e.g. an update's {@code Message}). */
    public List<String> problemsOfType(String type, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(type, List.of(type), value, problems);
        return problems;
    }

    private void checkFields(String where, JsonNode fields, JsonNode value, List<String> problems) {
        if (value == null || !value.isObject()) {
            problems.add(where + ": not an object");
            return;
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode field : fields) {
            byName.put(field.path("name").asString(), field);
            if (field.path("required").asBoolean(false) && !value.has(field.path("name").asString())) {
                problems.add(where + ": required " + field.path("name").asString() + " missing");
            }
        }
        for (Map.Entry<String, JsonNode> given : value.properties()) {
            JsonNode field = byName.get(given.getKey());
            if (field == null) {
                problems.add(where + ": no parameter or field " + given.getKey());
                continue;
            }
            List<String> types = new ArrayList<>();
            field.path("types").forEach(type -> types.add(type.asString()));
            check(where + "." + given.getKey(), types, given.getValue(), problems);
        }
    }

    private void check(String where, List<String> types, JsonNode value, List<String> problems) {
        List<String> failures = new ArrayList<>();
        for (String type : types) {
            List<String> attempt = new ArrayList<>();
            checkOne(where, type, value, attempt);
            if (attempt.isEmpty()) {
                return;
            }
            failures.addAll(attempt);
        }
        problems.addAll(types.size() == 1 ? failures : List.of(where + ": " + value + " is none of " + types));
    }

    private void checkOne(String where, String type, JsonNode value, List<String> problems) {
        if (type.startsWith(ARRAY_OF)) {
            if (!value.isArray()) {
                problems.add(where + ": not an array");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(where + "[" + i + "]", List.of(type.substring(ARRAY_OF.length())), value.get(i), problems);
            }
            return;
        }
        boolean ok = switch (type) {
            case "Integer" -> value.isIntegralNumber();
            case "Float" -> value.isNumber();
            case "String" -> value.isString();
            case "Boolean" -> value.isBoolean();
            case "True" -> value.isBoolean() && value.asBoolean();
            case "InputFile" -> false; // an upload, which the bot never makes: it sends file ids
            default -> true;
        };
        if (!ok) {
            problems.add(where + ": " + value + " is not " + type);
            return;
        }
        JsonNode fields = root.path("types").get(type);
        if (fields != null && fields.isArray() && !fields.isEmpty()) {
            checkFields(where + " (" + type + ")", fields, value, problems);
        }
    }
}

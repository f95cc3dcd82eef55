package org.breadbot.testsupport;

import java.time.Duration;
import java.util.Map;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One scripted answer of {@link FakeTelegram}, in Telegram's envelope
 * ({@code {"ok":false,"error_code":..,"description":..,"parameters":{..}}}, HTTP status = error_code).
 */
public final class FakeResponse {

    private final int status;
    private final String body;
    private final JsonNode result;
    private final Map<String, String> headers;
    private final Duration delay;
    private final boolean hang;

    private FakeResponse(int status, String body, JsonNode result, Map<String, String> headers, Duration delay,
            boolean hang) {
        this.status = status;
        this.body = body;
        this.result = result;
        this.headers = headers;
        this.delay = delay;
        this.hang = hang;
    }

    /** The method's default success (the same answer as when nothing is scripted). */
    public static FakeResponse ok() {
        return new FakeResponse(200, null, null, Map.of(), Duration.ZERO, false);
    }

    /** Success with this {@code result} (any value Jackson can turn into JSON, or a JsonNode). */
    public static FakeResponse ok(Object result) {
        return new FakeResponse(200, null, Json.mapper().valueToTree(result), Map.of(), Duration.ZERO, false);
    }

    /** 429 "Too Many Requests: retry after N" with {@code parameters.retry_after} and a {@code Retry-After} header. */
    public static FakeResponse tooManyRequests(long retryAfterSeconds) {
        ObjectNode parameters = Json.mapper().createObjectNode().put("retry_after", retryAfterSeconds);
        return error(429, "Too Many Requests: retry after " + retryAfterSeconds, parameters,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 500 "Internal Server Error". */
    public static FakeResponse serverError() {
        return error(500, "Internal Server Error", null, Map.of());
    }

    /** 400 with the description, prefixed with "Bad Request: " unless it already is. */
    public static FakeResponse badRequest(String description) {
        return error(400, prefixed("Bad Request: ", description), null, Map.of());
    }

    /** 403 with the description, prefixed with "Forbidden: " unless it already is (e.g. "bot was blocked by the user"). */
    public static FakeResponse forbidden(String description) {
        return error(403, prefixed("Forbidden: ", description), null, Map.of());
    }

    /** 400 "Bad Request: group chat was upgraded to a supergroup chat" with {@code parameters.migrate_to_chat_id}. */
    public static FakeResponse migrated(long newChatId) {
        ObjectNode parameters = Json.mapper().createObjectNode().put("migrate_to_chat_id", newChatId);
        return error(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters, Map.of());
    }

    /** The given answer after a pause (the call is recorded on arrival). */
    public static FakeResponse delayed(Duration delay, FakeResponse then) {
        return new FakeResponse(then.status, then.body, then.result, then.headers, delay.plus(then.delay), then.hang);
    }

    /** Never answers; the connection stays open until the client gives up or the fake is reset or closed. */
    public static FakeResponse hang() {
        return new FakeResponse(0, null, null, Map.of(), Duration.ZERO, true);
    }

    /** Any status with a raw body (sent as {@code application/json}, whatever it holds). */
    public static FakeResponse status(int code, String rawBody) {
        return new FakeResponse(code, rawBody, null, Map.of(), Duration.ZERO, false);
    }

    private static FakeResponse error(int code, String description, ObjectNode parameters,
            Map<String, String> headers) {
        ObjectNode envelope = Json.mapper().createObjectNode()
                .put("ok", false).put("error_code", code).put("description", description);
        if (parameters != null) {
            envelope.set("parameters", parameters);
        }
        return new FakeResponse(code, envelope.toString(), null, headers, Duration.ZERO, false);
    }

    private static String prefixed(String prefix, String description) {
        return description.startsWith(prefix) ? description : prefix + description;
    }

    /** HTTP status; 0 for {@link #hang()}. */
    int status() {
        return status;
    }

    /** True for {@link #ok()}: the fake computes the method's default result. */
    boolean isDefaultSuccess() {
        return status == 200 && body == null && result == null && !hang;
    }

    String body() {
        return body != null ? body : Json.mapper().createObjectNode().put("ok", true).set("result", result).toString();
    }

    Map<String, String> headers() {
        return headers;
    }

    Duration delay() {
        return delay;
    }

    boolean hangs() {
        return hang;
    }

    @Override
    public String toString() {
        return hang ? "hang" : (delay.isZero() ? "" : "after " + delay + ": ") + status
                + (body != null ? " " + body : result != null ? " ok " + result : " ok");
    }
}

package org.breadbot.standalone.playground;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breadbot.common.json.Json;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the {@link BotApiEmulator} on {@code http://127.0.0.1:<free port>/bot<token>/<method>}, the way Telegram
 * takes calls: GET or POST, parameters in the query string, a form or a JSON body. Loopback only, on event loops
 * of its own, so that no service context stopping or restarting can take it down. It starts before the sender,
 * which is why it is not a route of the ingress server (whose port is known only after the sender has started).
 */
final class EmulatorServer implements AutoCloseable {

    /** The bot's calls are a few hundred bytes; Telegram's own limit for JSON bodies is far above this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** Parameters whose values are JSON when they come in a query string or a form, as Telegram reads them. */
    private static final Set<String> JSON_PARAMETERS = Set.of(
            "reply_parameters", "entities", "caption_entities", "allowed_updates", "reply_markup", "link_preview_options");

    private final DisposableServer server;
    private final LoopResources loops;

    private EmulatorServer(DisposableServer server, LoopResources loops) {
        this.server = server;
        this.loops = loops;
    }

    static EmulatorServer start(BotApiEmulator emulator) {
        LoopResources loops = LoopResources.create("playground-emulator", 1, 2, true);
        try {
            DisposableServer server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .runOn(loops)
                    .handle((request, response) -> handle(emulator, request, response))
                    .bindNow(Duration.ofSeconds(10));
            return new EmulatorServer(server, loops);
        } catch (RuntimeException e) {
            loops.dispose();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}: the playground's {@code TELEGRAM_API_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }

    private static Publisher<Void> handle(BotApiEmulator emulator, HttpServerRequest request,
            HttpServerResponse response) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String[] path = query.path().split("/", -1);
        boolean getOrPost = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.POST);
        if (!getOrPost || path.length != 3 || !path[0].isEmpty() || !path[1].startsWith("bot")) {
            return respond(response, BotApiEmulator.error(404, "Not Found"));
        }
        String length = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && isOverLimit(length)) {
            return respond(response, tooLarge());
        }
        return body(request)
                .map(body -> emulator.call(path[1].substring(3), path[2], params(query, request, body)))
                .onErrorResume(BodyTooLarge.class, overLimit -> Mono.just(tooLarge()))
                .flatMap(answer -> Mono.from(respond(response, answer)));
    }

    private static boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException garbled) {
            return true;
        }
    }

    /** The body, failing as soon as it passes the limit, whatever Content-Length said. */
    private static Mono<byte[]> body(HttpServerRequest request) {
        return request.receive().asByteArray()
                .reduceWith(ByteArrayOutputStream::new, (out, chunk) -> {
                    if (out.size() + chunk.length > MAX_BODY_BYTES) {
                        throw new BodyTooLarge();
                    }
                    out.writeBytes(chunk);
                    return out;
                })
                .map(ByteArrayOutputStream::toByteArray);
    }

    /** Query parameters, then the body's: a JSON object or a url-encoded form. A body that is neither adds nothing. */
    private static ObjectNode params(QueryStringDecoder query, HttpServerRequest request, byte[] body) {
        ObjectNode params = Json.mapper().createObjectNode();
        addForm(params, query.parameters());
        String type = String.valueOf(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE)).toLowerCase();
        if (body.length == 0) {
            return params;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            String form = new String(body, StandardCharsets.UTF_8);
            addForm(params, new QueryStringDecoder(form, StandardCharsets.UTF_8, false).parameters());
        } else {
            JsonNode json = readJson(body);
            if (json != null && json.isObject()) {
                params.setAll((ObjectNode) json);
            }
        }
        return params;
    }

    private static void addForm(ObjectNode params, Map<String, List<String>> form) {
        form.forEach((name, values) -> {
            String value = values.get(values.size() - 1);
            JsonNode json = JSON_PARAMETERS.contains(name) ? readJson(value.getBytes(StandardCharsets.UTF_8)) : null;
            if (json != null) {
                params.set(name, json);
            } else {
                params.put(name, value);
            }
        });
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static BotApiEmulator.Answer tooLarge() {
        return BotApiEmulator.error(413, "Request Entity Too Large");
    }

    private static Publisher<Void> respond(HttpServerResponse response, BotApiEmulator.Answer answer) {
        byte[] bytes = Json.mapper().writeValueAsBytes(answer.body());
        return response.status(answer.status())
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendByteArray(Mono.just(bytes));
    }

    /** Thrown while reading a body that passes {@link #MAX_BODY_BYTES}. */
    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("body too large", null, false, false);
        }
    }
}

package org.breadbot.standalone.playground;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import org.breadbot.common.json.Json;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playground's HTTP side on the ingress server: the page, its configuration, message and update ids, the
 * event stream and the built-in media. A lifecycle bean so that open event streams end before the server's
 * graceful shutdown, which would otherwise wait for them.
 */
final class PlaygroundHandler implements SmartLifecycle {

    static final String WEBHOOK_PATH = "/telegram/webhook";
    private static final ClassPathResource PAGE = new ClassPathResource("playground/index.html");
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final long MAX_UPDATE_ID = 1L << 40;
    /** Same-origin everything: even a rendering bug could not run a script or load anything from elsewhere. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Playground playground;
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private volatile boolean running;

    PlaygroundHandler(Playground playground) {
        this.playground = playground;
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .bodyValue(PAGE);
    }

    /**
     * What the page needs to post updates as Telegram would: the webhook path. Never a secret: the page's requests
     * come from this machine, and {@link LoopbackOnly} gives them the secret on the way in.
     */
    Mono<ServerResponse> config(ServerRequest request) {
        ObjectNode config = Json.mapper().createObjectNode();
        config.set("bot", playground.emulator().botUser());
        config.put("botName", playground.botName());
        config.putObject("webhook").put("path", WEBHOOK_PATH);
        config.put("maxTextLength", BotApiEmulator.MAX_TEXT_LENGTH);
        config.set("media", playground.media().json());
        return json(HttpStatus.OK, config);
    }

    /**
     * The next update id and the chat's next message id; with {@code open_topic} the id opens a forum topic. Messages of a chat share one sequence with the bot's,
     * as in Telegram; the page passes the highest ids it knows, so ids keep growing across restarts.
     */
    Mono<ServerResponse> ids(ServerRequest request) {
        return request.bodyToMono(String.class)
                .defaultIfEmpty("")
                .flatMap(this::allocate)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        "body too large"));
    }

    private Mono<ServerResponse> allocate(String body) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (JacksonException malformed) {
            return problem(HttpStatus.BAD_REQUEST, "not JSON");
        }
        JsonNode chat = json == null ? null : json.path("chat");
        if (chat == null || !chat.path("id").isIntegralNumber() || !chat.path("id").canConvertToLong()
                || chat.path("id").asLong() == 0) {
            return problem(HttpStatus.BAD_REQUEST, "chat.id must be a non-zero integer");
        }
        long chatId = chat.path("id").asLong();
        ChatBook chats = playground.chats();
        chats.describe(chatId, chat);
        int afterMessage = (int) clamp(json.path("after_message_id").asLong(0), Integer.MAX_VALUE / 2);
        long afterUpdate = clamp(json.path("after_update_id").asLong(0), MAX_UPDATE_ID);
        int messageId;
        if (json.path("open_topic").asBoolean(false)) {
            // the topic's opening service message: its id is the topic's message_thread_id
            OptionalInt topic = chats.openTopic(chatId, afterMessage);
            if (topic.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "the chat is no forum, or has " + ChatBook.MAX_TOPICS_PER_CHAT
                        + " topics already");
            }
            messageId = topic.getAsInt();
        } else {
            messageId = chats.nextMessageId(chatId, afterMessage);
        }
        ObjectNode ids = Json.mapper().createObjectNode()
                .put("update_id", chats.nextUpdateId(afterUpdate))
                .put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond());
        return json(HttpStatus.OK, ids);
    }

    /** Server-sent events: the bot's messages and the pipeline trail, with a comment now and then to keep it open. */
    Mono<ServerResponse> events(ServerRequest request) {
        Flux<ServerSentEvent<String>> events = playground.events().stream()
                .map(event -> ServerSentEvent.<String>builder(Json.mapper().writeValueAsString(event.data()))
                        .event(event.name())
                        .build());
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                .body(Flux.merge(events, keepAlive).takeUntilOther(closing.asMono()), ServerSentEvent.class);
    }

    /** A built-in file by its file id (also the smaller sizes of a photo). */
    Mono<ServerResponse> media(ServerRequest request) {
        return playground.media().find(request.pathVariable("fileId"))
                .map(item -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType(item.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                        .bodyValue(item.resource()))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no such file"));
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(value, max));
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String problem) {
        return json(status, Json.mapper().valueToTree(Map.of("error", problem)));
    }

    private static Mono<ServerResponse> json(HttpStatus status, JsonNode body) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(Json.mapper().writeValueAsBytes(body));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        closing.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

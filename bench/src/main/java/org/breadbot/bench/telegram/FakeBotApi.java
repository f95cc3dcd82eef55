package org.breadbot.bench.telegram;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.breadbot.common.json.Json;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A Bot API server on a free local port, speaking Telegram's wire format at {@code /bot<token>/<method>}, that
 * enforces {@link TelegramLimits} with 429s and counts and timestamps every message it accepts and every 429.
 * Hostile input (bad JSON, huge bodies, strange paths) gets Telegram's error shape, never a crash.
 */
public final class FakeBotApi implements AutoCloseable {

    /** Telegram takes up to 50 MB of multipart upload; the bot's JSON calls are tiny, so 1 MiB is plenty. */
    static final int MAX_BODY = 1024 * 1024;
    /** A refused body up to this size is read before the answer; a larger one is not (the connection closes). */
    private static final int DRAINED_AT_MOST = 8 * MAX_BODY;

    private final String token;
    private final BotApiAnswers answers;
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final Consumer<Delivery> onDelivery = delivery -> {
        deliveries.add(delivery);
        delivered.incrementAndGet();
    };
    private final Runnable onLimited = limited::incrementAndGet;
    private final LoopResources loops;
    private final DisposableServer server;

    private FakeBotApi(String token, TelegramLimits limits) {
        this.token = token;
        this.answers = new BotApiAnswers(limits);
        this.loops = LoopResources.create("fake-bot-api", 2, true);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                .handle(this::handle)
                .bindNow();
    }

    public static FakeBotApi start(String token, TelegramLimits limits) {
        return new FakeBotApi(token, limits);
    }

    /** What services get as {@code TELEGRAM_API_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Enforces other limits from now on, with full buckets. */
    public void limit(TelegramLimits limits) {
        answers.limit(limits);
    }

    /** Forgets deliveries and counts. */
    public void clear() {
        deliveries.clear();
        delivered.set(0);
        limited.set(0);
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long rateLimitedCount() {
        return limited.get();
    }

    /** Every accepted message since the last {@link #clear()}, in acceptance order. */
    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        String prefix = "/bot" + token + "/";
        Answer early = null;
        if (!path.startsWith("/bot")) {
            early = Answer.error(404, "Not Found");
        } else if (!path.startsWith(prefix) || path.length() == prefix.length()) {
            early = Answer.error(401, "Unauthorized");
        } else if (request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, 0) > MAX_BODY) {
            early = tooLarge();
        }
        if (early != null) {
            // the body is not wanted, and the connection is closed after the answer. A body of a few MiB is read
            // and dropped first: closing while the client still writes it makes the client fail with a broken pipe
            // before it reads the answer, on some runs and not others
            response.header(HttpHeaderNames.CONNECTION, "close");
            Answer answer = early;
            int length = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            return length > DRAINED_AT_MOST ? send(response, answer)
                    : request.receive().then().onErrorResume(e -> Mono.empty()).then(send(response, answer));
        }
        String method = path.substring(prefix.length());
        String contentType = request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        return request.receive().asByteArray()
                .collect(() -> new Body(MAX_BODY), Body::add)
                .map(body -> answer(method, request.uri(), contentType, body.bytes()))
                .onErrorResume(Body.TooLarge.class, e -> {
                    response.header(HttpHeaderNames.CONNECTION, "close");
                    return Mono.just(tooLarge());
                })
                .onErrorResume(e -> !(e instanceof Body.TooLarge),
                        e -> Mono.just(Answer.error(500, "Internal Server Error")))
                .flatMap(answer -> send(response, answer));
    }

    private Answer answer(String method, String uri, String contentType, byte[] body) {
        try {
            return answers.answer(method, RequestParams.parse(uri, contentType, body), onDelivery, onLimited);
        } catch (IllegalArgumentException unreadable) {
            return Answer.badRequest(unreadable.getMessage());
        }
    }

    private static Answer tooLarge() {
        return Answer.error(413, "Request Entity Too Large");
    }

    private static Mono<Void> send(HttpServerResponse response, Answer answer) {
        response.status(HttpResponseStatus.valueOf(answer.status()))
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (answer.retryAfter() != null) {
            response.header(HttpHeaderNames.RETRY_AFTER, Integer.toString(answer.retryAfter()));
        }
        return response.sendByteArray(Mono.just(answer.body())).then();
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }

    /** A request body read up to a limit. */
    private static final class Body {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Body(int limit) {
            this.limit = limit;
        }

        void add(byte[] chunk) {
            if (bytes.size() + chunk.length > limit) {
                throw new TooLarge();
            }
            bytes.writeBytes(chunk);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        static final class TooLarge extends RuntimeException {
            TooLarge() {
                super("request body over the limit", null, false, false);
            }
        }
    }

    static {
        // touch the shared mapper early so the first request does not pay for its setup
        Json.mapper();
    }
}

package org.breadbot.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Telegram Bot API on {@code 127.0.0.1} and a random port, speaking Telegram's exact envelope.
 *
 * <p>Requests go to {@code /bot<token>/<method>}, as GET or POST with a query string, a form or a JSON body
 * (multipart bodies are not read); method names are case-insensitive. Only {@link #TOKEN} is accepted (else 401), unknown methods get 404.
 * Every call is recorded. Each method answers with a Telegram-shaped default success unless
 * {@link #script scripted}: send methods return a Message (ids increasing per chat), getMe the bot user,
 * getUpdates the {@link #enqueueUpdates enqueued} updates honouring {@code offset}, {@code limit} and the
 * long-poll {@code timeout}. sendMessage rejects an empty chat id or text and text over 4096 code points with
 * Telegram's 400 descriptions. Use one fake per test class (or {@link #reset()} between tests) and close it.
 */
public final class FakeTelegram implements AutoCloseable {

    /** The only token the fake accepts. */
    public static final String TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnop";
    /** The bot's user id (the token's prefix) and username, as getMe reports them. */
    public static final long BOT_ID = DefaultAnswers.BOT_ID;
    public static final String BOT_USERNAME = DefaultAnswers.BOT_USERNAME;

    private static final String[] METHODS = {
        "getMe", "logOut", "close", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo",
        "sendMessage", "sendPhoto", "sendVoice", "sendSticker", "sendAnimation", "sendVideo", "sendVideoNote",
        "sendDocument", "sendAudio", "sendChatAction", "forwardMessage", "copyMessage", "editMessageText",
        "editMessageCaption", "deleteMessage", "getChat", "getChatAdministrators", "getChatMember", "leaveChat",
        "answerCallbackQuery", "setMyCommands", "getMyCommands", "deleteMyCommands", "setMessageReaction",
        "getFile"};
    private static final Map<String, String> CANONICAL = Stream.of(METHODS)
            .collect(Collectors.toUnmodifiableMap(String::toLowerCase, Function.identity()));
    private static final int LONG_POLL_MAX_SECONDS = 50;
    private static final Duration AWAIT_POLL = Duration.ofMillis(20);

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ApiCall> calls = new ArrayList<>();
    private final Map<String, Deque<FakeResponse>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Deque<FakeResponse>> chatScripts = new ConcurrentHashMap<>();
    private final UpdateQueue updates = new UpdateQueue();
    private final DefaultAnswers defaults = new DefaultAnswers(updates);
    private final AtomicReference<CountDownLatch> hangRelease = new AtomicReference<>(new CountDownLatch(1));

    private FakeTelegram(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a fake on a free local port. */
    public static FakeTelegram start() {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-telegram-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FakeTelegram fake = new FakeTelegram(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the fake Telegram server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code TELEGRAM_API_BASE_URL} / {@code telegram.api.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code telegram.api.base-url} and {@code telegram.api.bot-token} pointing an application at this fake. */
    public Map<String, Object> springProperties() {
        return Map.of("telegram.api.base-url", baseUrl(), "telegram.api.bot-token", TOKEN);
    }

    /** The port the fake listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Every call so far, in arrival order (a snapshot). */
    public List<ApiCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one method (case-insensitive), in arrival order. */
    public List<ApiCall> calls(String method) {
        return calls().stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    /**
     * Waits until at least {@code count} calls of {@code method} arrived and returns all calls of it.
     *
     * @throws AssertionError on timeout, listing every call received
     */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ApiCall> matching = calls(method);
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("expected at least " + count + " " + method + " call(s) within " + timeout
                        + " but got " + matching.size() + "; all calls received:" + describe(calls()));
            }
            sleep(AWAIT_POLL);
        }
    }

    /** The next answers of {@code method} (case-insensitive), used once each in order; then the default success. */
    public void script(String method, FakeResponse... next) {
        scripts.computeIfAbsent(method.toLowerCase(), name -> new ConcurrentLinkedDeque<>()).addAll(List.of(next));
    }

    /**
     * The next answers of {@code method} for calls to chat {@code chatId} only, used once each in order, before any
     * {@link #script} of the method; then the default success.
     */
    public void scriptFor(String method, long chatId, FakeResponse... next) {
        chatScripts.computeIfAbsent(method.toLowerCase() + "/" + chatId, name -> new ConcurrentLinkedDeque<>())
                .addAll(List.of(next));
    }

    /** Queues updates (Update JSON objects with {@code update_id}) for getUpdates. */
    public void enqueueUpdates(String... updateJson) {
        for (String json : updateJson) {
            updates.add(Json.mapper().readTree(json));
        }
    }

    /** Queues updates built with {@link Updates}. */
    public void enqueueUpdates(Updates.Builder... builders) {
        for (Updates.Builder builder : builders) {
            updates.add(builder.node());
        }
    }

    /** Forgets calls, scripts, queued updates and the webhook; releases hanging requests. */
    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
        scripts.clear();
        chatScripts.clear();
        updates.clear();
        defaults.reset();
        hangRelease.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** Stops the server at once; hanging requests are released. */
    @Override
    public void close() {
        hangRelease.get().countDown();
        updates.clear();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Instant at = Instant.now();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String[] path = exchange.getRequestURI().getRawPath().split("/", -1);
            if (path.length != 3 || !path[1].startsWith("bot")) {
                respond(exchange, notFound());
                return;
            }
            String method = CANONICAL.getOrDefault(path[2].toLowerCase(), path[2]);
            ObjectNode params;
            try {
                params = RequestParams.parse(exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body);
            } catch (IllegalArgumentException malformed) {
                params = Json.mapper().createObjectNode();
                answer(exchange, method, params, at, FakeResponse.badRequest(malformed.getMessage()));
                return;
            }
            answer(exchange, method, params, at, plan(path[1].substring(3), method, params));
        } finally {
            exchange.close();
        }
    }

    private FakeResponse plan(String token, String method, ObjectNode params) {
        if (!TOKEN.equals(token)) {
            return FakeResponse.status(401, error(401, "Unauthorized"));
        }
        String chat = params.path("chat_id").asString("");
        Deque<FakeResponse> chatScript = chatScripts.get(method.toLowerCase() + "/" + chat);
        FakeResponse scripted = chatScript == null ? null : chatScript.pollFirst();
        if (scripted == null) {
            Deque<FakeResponse> script = scripts.get(method.toLowerCase());
            scripted = script == null ? null : script.pollFirst();
        }
        if (scripted == null && !CANONICAL.containsKey(method.toLowerCase())) {
            return notFound();
        }
        FakeResponse planned = scripted != null ? scripted : FakeResponse.ok();
        if (!planned.isDefaultSuccess() || method.equals("getUpdates")) {
            return planned;
        }
        return FakeResponse.delayed(planned.delay(), defaults.answer(method, params));
    }

    private void answer(HttpExchange exchange, String method, ObjectNode params, Instant at, FakeResponse planned)
            throws IOException {
        synchronized (calls) {
            calls.add(new ApiCall(method, params, at, planned.status()));
        }
        CountDownLatch released = hangRelease.get();
        if (planned.hangs()) {
            awaitQuietly(released, Duration.ofDays(1));
            return;
        }
        if (!planned.delay().isZero() && awaitQuietly(released, planned.delay())) {
            return;
        }
        if (planned.isDefaultSuccess() && method.equals("getUpdates")) {
            respond(exchange, FakeResponse.ok(pollUpdates(params)));
            return;
        }
        respond(exchange, planned);
    }

    private List<JsonNode> pollUpdates(ObjectNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeout = Math.max(0, Math.min(LONG_POLL_MAX_SECONDS, params.path("timeout").asLong(0)));
        try {
            return updates.poll(offset, limit, Duration.ofSeconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static void respond(HttpExchange exchange, FakeResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static FakeResponse notFound() {
        return FakeResponse.status(404, error(404, "Not Found"));
    }

    private static String error(int code, String description) {
        return Json.mapper().createObjectNode()
                .put("ok", false).put("error_code", code).put("description", description).toString();
    }

    private static String describe(List<ApiCall> received) {
        if (received.isEmpty()) {
            return " none";
        }
        return received.stream().map(call -> "\n  " + call).collect(Collectors.joining());
    }

    /** True when released (reset or close) before the duration passed. */
    private static boolean awaitQuietly(CountDownLatch latch, Duration duration) {
        try {
            return latch.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for calls", e);
        }
    }
}

package org.breadbot.processor.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable outside service on a random local port (JDK HTTP server): answers per path prefix, the next
 * scripted answer first, then the prefix's default; records every request. Every request is served on its own
 * thread, so one that hangs holds up nothing else.
 */
public final class FakeService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Response>> scripted = new HashMap<>();
    private final Map<String, Response> defaults = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    /** One answer. */
    public record Response(int status, String contentType, byte[] body, Duration delay, boolean hangs,
            CountDownLatch gate) {

        public Response(int status, String contentType, byte[] body, Duration delay, boolean hangs) {
            this(status, contentType, body, delay, hangs, null);
        }

        public static Response json(String body) {
            return new Response(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        public static Response html(String body) {
            return new Response(200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        public static Response status(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        /** A 200 whose body has {@code bytes} bytes of JSON-looking junk. */
        public static Response huge(int bytes) {
            byte[] body = new byte[bytes];
            java.util.Arrays.fill(body, (byte) 'a');
            body[0] = '"';
            body[bytes - 1] = '"';
            return new Response(200, "application/json", body, Duration.ZERO, false);
        }

        /** Never answers (until the server closes). */
        public static Response hanging() {
            return new Response(200, "text/plain", new byte[0], Duration.ZERO, true);
        }

        public Response delayed(Duration delay) {
            return new Response(status, contentType, body, delay, hangs, gate);
        }

        /**
         * Answers once the test opens {@code gate} (or after {@code delay} at the latest): a slow answer that
         * arrives after what the test waits for, however slow a loaded machine makes the rest.
         */
        public Response heldUntil(CountDownLatch gate, Duration atMost) {
            return new Response(status, contentType, body, atMost, hangs, gate);
        }
    }

    /** One request as received. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }

    private FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public static FakeService start() {
        try {
            return new FakeService();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers for requests whose path starts with {@code prefix}, in order; then the prefix's default. */
    public synchronized FakeService script(String prefix, Response... next) {
        Deque<Response> queue = scripted.computeIfAbsent(prefix, p -> new ArrayDeque<>());
        queue.addAll(List.of(next));
        return this;
    }

    /** The answer for {@code prefix} once its script is used up (404 when none). */
    public synchronized FakeService always(String prefix, Response response) {
        defaults.put(prefix, response);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String prefix) {
        return requests.stream().filter(request -> request.path().startsWith(prefix)).toList();
    }

    public synchronized void reset() {
        scripted.clear();
        defaults.clear();
        requests.clear();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Response response = next(path);
            if (response.hangs()) {
                closed.await(10, TimeUnit.MINUTES);
                return;
            }
            if (response.gate() != null) {
                response.gate().await(response.delay().toMillis(), TimeUnit.MILLISECONDS);
            } else if (!response.delay().isZero()) {
                if (closed.await(response.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        }
    }

    private synchronized Response next(String path) {
        String best = null;
        for (String prefix : scripted.keySet()) {
            if (path.startsWith(prefix) && !scripted.get(prefix).isEmpty()
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best != null) {
            return scripted.get(best).poll();
        }
        for (String prefix : defaults.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best != null ? defaults.get(best) : Response.status(404, "not found");
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The network to the Bot API down for much longer than the back-off of 5xx answers lasts: connections refused do not
 * use up the attempts, so the reply waits and goes out once, when the network is back.
 */
class UnreachableBotApiIT {

    private SenderFixture fixture;
    private HttpServer relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop(0);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aReplyWaitsOutAConnectionRefusedForLongerThanItsAttemptsAndIsSentOnce() throws Exception {
        int port = freePort();
        fixture = new SenderFixture()
                .with("telegram.api.base-url", "http://127.0.0.1:" + port)
                .with("bread-bot.sender.retry.max-attempts", 2);
        fixture.startSender();

        fixture.send(SenderFixture.text(3001, 1, "after the outage"));
        // two attempts with at most 200 ms between them would have been used up many times over
        Thread.sleep(3_000);
        assertThat(fixture.deadLetters()).noneMatch(record -> "3001".equals(record.key()));
        relay = relayTo(port, fixture.telegram.baseUrl());

        await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.deliveredTexts(3001).isEmpty());
        Thread.sleep(1_000);
        assertThat(fixture.deliveredTexts(3001)).containsExactly("after the outage");
        assertThat(fixture.deadLetters()).noneMatch(record -> "3001".equals(record.key()));
    }

    /** Comes up on {@code port} and passes every request on to {@code target}, as the network coming back. */
    private static HttpServer relayTo(int port, String target) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/", exchange -> forward(client, target, exchange));
        server.start();
        return server;
    }

    private static void forward(HttpClient client, String target, HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A client that sends its request one byte a second is cut off at the timeout, and meanwhile every other request
 * is served as usual.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "bread-bot.ingress.webhook.secret=" + SlowClientsIT.SECRET,
    "bread-bot.ingress.connections.header-timeout=3s",
    "bread-bot.ingress.connections.request-timeout=3s",
    "telegram.api.bot-token=" + FakeTelegram.TOKEN})
class SlowClientsIT {

    static final String SECRET = "slow_clients_secret_0123456789";
    /** Far longer than any timeout: a trickle that is not cut off would run this long. */
    private static final int TRICKLE_SECONDS = 40;
    private static final FakeTelegram telegram = FakeTelegram.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafkaAndTelegram(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("telegram.api.base-url", telegram::baseUrl);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Test
    void aBodySentOneBytePerSecondIsCutOffAtTheRequestTimeout() throws Exception {
        byte[] body = Updates.text("медленно").inGroup(-1_000_000_777L).bytes();
        String head = "POST /telegram/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + WebhookHandler.SECRET_HEADER + ": " + SECRET + "\r\nContent-Length: " + body.length + "\r\n\r\n";

        CompletableFuture<Trickle> slow = CompletableFuture.supplyAsync(() -> trickle(head.getBytes(
                StandardCharsets.ISO_8859_1), body));
        Thread.sleep(1_000);
        assertThat(postNormally()).as("another client meanwhile").isEqualTo(200);

        Trickle trickle = slow.get();
        assertThat(trickle.closedByServer()).isTrue();
        assertThat(trickle.bytesSent()).as("cut off long before the whole body").isLessThan(head.length() + 20);
    }

    @Test
    void headersSentOneBytePerSecondAreCutOffAtTheHeaderTimeout() throws Exception {
        byte[] head = ("POST /telegram/webhook HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(TRICKLE_SECONDS) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

        CompletableFuture<Trickle> slow = CompletableFuture.supplyAsync(() -> trickle(new byte[0], head));
        Thread.sleep(1_000);
        assertThat(postNormally()).as("another client meanwhile").isEqualTo(200);

        Trickle trickle = slow.get();
        assertThat(trickle.closedByServer()).isTrue();
        assertThat(trickle.bytesSent()).as("cut off long before the headers end").isLessThan(20);
    }

    private record Trickle(boolean closedByServer, int bytesSent) {
    }

    /** Sends {@code head} at once, then {@code slowly} one byte per second until the server closes. */
    private Trickle trickle(byte[] head, byte[] slowly) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head);
            out.flush();
            int sent = head.length;
            for (int i = 0; i < Math.min(slowly.length, TRICKLE_SECONDS); i++) {
                if (closed(in)) {
                    return new Trickle(true, sent);
                }
                try {
                    out.write(slowly[i]);
                    out.flush();
                    sent++;
                } catch (SocketException reset) {
                    return new Trickle(true, sent);
                }
            }
            return new Trickle(closed(in), sent);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to a second for the server: an answer (a 408) or the end of the stream both mean it gave up. */
    private static boolean closed(InputStream in) throws IOException {
        try {
            return in.read() >= -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private int postNormally() throws IOException, InterruptedException {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port + "/telegram/webhook"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(WebhookHandler.SECRET_HEADER, SECRET)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        Updates.text("быстро").inGroup(-1_000_000_778L).bytes()))
                .build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

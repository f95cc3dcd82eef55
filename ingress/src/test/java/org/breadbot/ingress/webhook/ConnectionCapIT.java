package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connections beyond the cap are closed at once; when the holders go, new clients are served again. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "bread-bot.ingress.webhook.secret=connection_cap_secret_0123456789",
    "bread-bot.ingress.connections.max-connections=3",
    "telegram.api.bot-token=" + FakeTelegram.TOKEN})
class ConnectionCapIT {

    private static final FakeTelegram telegram = FakeTelegram.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafkaAndTelegram(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("telegram.api.bot-token", () -> FakeTelegram.TOKEN);
        registry.add("telegram.api.base-url", telegram::baseUrl);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Test
    void aClientBeyondTheCapIsClosedAndServedOnceTheHoldersLeave() throws Exception {
        List<Socket> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket holder = new Socket("127.0.0.1", port);
                holders.add(holder);
                assertThat(health(holder)).as("holder %d is served", i).isEqualTo(200);
            }

            try (Socket beyond = new Socket("127.0.0.1", port)) {
                assertThat(health(beyond)).as("the fourth connection").isEqualTo(-1);
            }
        } finally {
            for (Socket holder : holders) {
                holder.close();
            }
        }
        // the server counts a connection until it has seen it close: give it a few tries
        int status = -1;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            Thread.sleep(250);
            try (Socket later = new Socket("127.0.0.1", port)) {
                status = health(later);
            }
        }
        assertThat(status).as("a new client once the holders left").isEqualTo(200);
    }

    /** GET /actuator/health/liveness on the connection, kept alive; the status, or -1 when the server closed it. */
    private static int health(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            socket.getOutputStream().write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return RawHttp.readStatus(in);
        } catch (java.io.EOFException | SocketException closed) {
            return -1;
        } catch (SocketTimeoutException noAnswer) {
            throw new AssertionError("no answer and no close within 5 s", noAnswer);
        }
    }
}

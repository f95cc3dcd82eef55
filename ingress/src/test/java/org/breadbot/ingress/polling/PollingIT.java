package org.breadbot.ingress.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.ingress.UpdatesTopic;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

// closed after the class, so its poller or producer does not run on beside the next test class
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "bread-bot.ingress.polling.enabled=true",
    "bread-bot.ingress.polling.timeout=1s",
    "bread-bot.ingress.polling.limit=2",
    "bread-bot.ingress.polling.delete-webhook=true",
    "bread-bot.ingress.polling.min-backoff=100ms",
    "bread-bot.ingress.polling.max-backoff=500ms",
    "bread-bot.ingress.kafka.produce-timeout=2s",
    "bread-bot.ingress.webhook.secret=" + PollingIT.SECRET,
    "telegram.api.bot-token=" + FakeTelegram.TOKEN,
    // loud loggers, to show that even at DEBUG neither the token nor the secret is written
    "logging.level.org.breadbot=DEBUG",
    "logging.level.org.springframework.web=DEBUG",
    "logging.level.reactor.netty=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class PollingIT {

    static final String SECRET = "polling_it_secret-abcdefghijklmnop";

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
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

    private static boolean askedWithOffset(long offset) {
        return telegram.calls("getUpdates").stream()
                .anyMatch(call -> call.params().path("offset").asLong() == offset);
    }

    private static List<Long> offsetsAskedSince(Instant since) {
        return telegram.calls("getUpdates").stream()
                .filter(call -> !call.at().isBefore(since))
                .map(call -> call.params().path("offset").asLong())
                .toList();
    }

    @Test
    void webhookIsDeletedBeforeTheFirstPoll() {
        List<ApiCall> calls = telegram.awaitCalls("getUpdates", 1, Duration.ofSeconds(10));

        assertThat(telegram.calls("deleteWebhook")).hasSize(1);
        assertThat(telegram.calls("deleteWebhook").get(0).at()).isBeforeOrEqualTo(calls.get(0).at());
    }

    @Test
    void enqueuedUpdatesAreStoredWithSourcePollingAndConfirmedByTheNextOffset() {
        Updates.Builder first = Updates.text("Хлеб привет").inGroup(-4242L).from(TestUsers.ALICE);
        Updates.Builder second = Updates.text("второе").inGroup(-4242L).from(TestUsers.BOB);
        Updates.Builder third = Updates.sticker("file-id", "uniq").from(TestUsers.CAROL);

        telegram.enqueueUpdates(first, second, third);

        for (Updates.Builder update : List.of(first, second, third)) {
            ConsumerRecord<String, byte[]> record = UpdatesTopic.await(update.id(), 1, KAFKA_WAIT).get(0);
            assertThat(UpdatesTopic.header(record, Headers.SOURCE)).isEqualTo("polling");
            assertThat(record.key()).isEqualTo(Long.toString(update.chatId()));
            assertThat(Json.mapper().readTree(record.value())).isEqualTo(Json.mapper().readTree(update.json()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> askedWithOffset(third.id() + 1));
    }

    @Test
    void eachUpdateIsStoredWithItsExactBytesFromTheAnswerAndABadChatIdIsSkippedButConfirmed() {
        long first = Updates.text("x").id();
        long second = Updates.text("x").id();
        long third = Updates.text("x").id();
        String exact = "{ \"update_id\" : " + first + ",\n  \"message\": {\"message_id\":1, \"date\":1,"
                + " \"text\": \"\\u0425\\u043b\\u0435\\u0431 \\\"\\/\\ud83c\\udf5e\",\t\"future_field\": [1, {\"x\": null}],"
                + " \"chat\": {\"id\": -4444, \"type\": \"group\"}, \"from\": {\"id\": 7, \"is_bot\": false,"
                + " \"first_name\": \"A\"}} }";
        String badChat = "{\"update_id\":" + second + ",\"message\":{\"message_id\":2,\"date\":1,"
                + "\"chat\":{\"id\":\"-4444\",\"type\":\"group\"},\"from\":{\"id\":7}}}";
        String plain = "{\"update_id\":" + third + ",\"message\":{\"message_id\":3,\"date\":1,\"text\":\"ещё\","
                + "\"chat\":{\"id\":-4444,\"type\":\"group\"}}}";
        telegram.script("getUpdates", FakeResponse.status(200,
                "{\"ok\":true,\n\"result\":[ " + exact + " ,\n" + badChat + "," + plain + "\n]}"));

        ConsumerRecord<String, byte[]> record = UpdatesTopic.await(first, 1, KAFKA_WAIT).get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(exact);
        assertThat(record.key()).isEqualTo("-4444");
        assertThat(UpdatesTopic.await(third, 1, KAFKA_WAIT).get(0).value())
                .isEqualTo(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(UpdatesTopic.before(third, second, KAFKA_WAIT)).as("the bad chat id is not stored").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> askedWithOffset(third + 1));
    }

    @Test
    void withKafkaDownTheOffsetDoesNotAdvanceAndNothingIsLost() {
        Updates.Builder update = Updates.text("пока Kafka лежит").inGroup(-4343L);
        TestKafka.stop();
        Instant stopped = Instant.now();
        try {
            telegram.enqueueUpdates(update);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> offsetsAskedSince(stopped).stream().filter(o -> o <= update.id()).count() >= 2);
            assertThat(offsetsAskedSince(stopped)).allMatch(offset -> offset <= update.id());
        } finally {
            TestKafka.start();
        }

        assertThat(UpdatesTopic.await(update.id(), 1, Duration.ofSeconds(60)).get(0).value())
                .isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> askedWithOffset(update.id() + 1));
    }

    @Test
    void conflictIsLoggedClearlyAndPollingRecovers(CapturedOutput output) {
        telegram.script("getUpdates", FakeResponse.status(409, "{\"ok\":false,\"error_code\":409,\"description\":"
                + "\"Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
                + "running\"}"));
        Updates.Builder update = Updates.text("after conflict").inGroup(-4444L);
        telegram.enqueueUpdates(update);

        UpdatesTopic.await(update.id(), 1, KAFKA_WAIT);

        assertThat(output.getAll()).contains("409 Conflict")
                .contains("terminated by other getUpdates request");
    }

    @Test
    void neitherTheTokenNorTheSecretIsEverLogged(CapturedOutput output) {
        telegram.script("getUpdates", FakeResponse.serverError(),
                FakeResponse.status(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"),
                FakeResponse.status(502, "<html>bad gateway " + FakeTelegram.TOKEN + "</html>"));
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

        http.post().uri("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", "wrong-" + SECRET)
                .bodyValue(Updates.text("x").bytes()).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .bodyValue("{\"update_id\":\"1\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(SECRET));
        Updates.Builder update = Updates.text("after errors").inGroup(-4545L);
        telegram.enqueueUpdates(update);
        UpdatesTopic.await(update.id(), 1, KAFKA_WAIT);

        String secretPart = FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1);
        assertThat(output.getAll())
                .contains("getUpdates")
                .doesNotContain(FakeTelegram.TOKEN)
                .doesNotContain(secretPart)
                .doesNotContain(SECRET);
    }
}

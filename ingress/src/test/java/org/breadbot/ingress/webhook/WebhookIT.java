package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.ingress.UpdatesTopic;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

// closed after the class, so its poller or producer does not run on beside the next test class
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "bread-bot.ingress.webhook.secret=" + WebhookIT.SECRET,
    "bread-bot.ingress.webhook.register-url=" + WebhookIT.PUBLIC_URL,
    "bread-bot.ingress.kafka.produce-timeout=" + WebhookIT.PRODUCE_TIMEOUT_SECONDS + "s",
    "telegram.api.bot-token=" + FakeTelegram.TOKEN})
class WebhookIT {

    static final String SECRET = "webhook_secret-for-tests_0123456789";
    static final String PUBLIC_URL = "https://bread.example.org/telegram/webhook";
    static final int PRODUCE_TIMEOUT_SECONDS = 3;

    private static final String PATH = "/telegram/webhook";
    private static final int MIB = 1024 * 1024;
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    private static final AtomicLong CHATS = new AtomicLong(-1_000_000_100_000L);
    private static final FakeTelegram telegram = FakeTelegram.start();

    @LocalServerPort
    int port;

    private WebTestClient http;

    @DynamicPropertySource
    static void kafkaAndTelegram(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("telegram.api.base-url", telegram::baseUrl);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static Updates.Builder textInNewChat(String text) {
        return Updates.text(text).inGroup(CHATS.getAndDecrement()).from(TestUsers.ALICE);
    }

    private WebTestClient.ResponseSpec post(byte[] body, String secret) {
        WebTestClient.RequestBodySpec request = http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON);
        if (secret != null) {
            request.header(WebhookHandler.SECRET_HEADER, secret);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(byte[] body) {
        return post(body, SECRET);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid update whose text pads it to exactly {@code size} bytes. */
    private static byte[] updateOfSize(long updateId, long chatId, int size) {
        String head = "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":"
                + chatId + ",\"type\":\"group\"},\"text\":\"";
        String tail = "\"}}";
        return utf8(head + "б".repeat((size - head.length() - tail.length()) / 2)
                + "a".repeat((size - head.length() - tail.length()) % 2) + tail);
    }

    private void assertNothingStored(long refusedId, long chatId) {
        Updates.Builder marker = Updates.text("marker").inGroup(chatId);
        post(marker.bytes()).expectStatus().isOk();
        assertThat(UpdatesTopic.before(marker.id(), refusedId, KAFKA_WAIT)).isEmpty();
    }

    @Test
    void validUpdateIsStoredWithItsExactBytesKeyAndHeaders() {
        Updates.Builder update = textInNewChat("Хлеб топ").messageId(7);
        byte[] body = update.bytes();
        long before = System.currentTimeMillis();

        post(body).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{}");

        ConsumerRecord<String, byte[]> record = UpdatesTopic.await(update.id(), 1, KAFKA_WAIT).get(0);
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo(Long.toString(update.chatId()));
        assertThat(UpdatesTopic.header(record, Headers.UPDATE_ID)).isEqualTo(Long.toString(update.id()));
        assertThat(UpdatesTopic.header(record, Headers.UPDATE_TYPE)).isEqualTo("message");
        assertThat(UpdatesTopic.header(record, Headers.CHAT_ID)).isEqualTo(Long.toString(update.chatId()));
        assertThat(UpdatesTopic.header(record, Headers.SOURCE)).isEqualTo("webhook");
        assertThat(Long.parseLong(UpdatesTopic.header(record, Headers.RECEIVED_AT)))
                .isBetween(before, System.currentTimeMillis());
    }

    @Test
    void editedMessageIsStoredWithItsKind() {
        Updates.Builder update = textInNewChat("Хлеб скажи привет").edited();

        post(update.bytes()).expectStatus().isOk();

        ConsumerRecord<String, byte[]> record = UpdatesTopic.await(update.id(), 1, KAFKA_WAIT).get(0);
        assertThat(UpdatesTopic.header(record, Headers.UPDATE_TYPE)).isEqualTo("edited_message");
    }

    @Test
    void missingSecretIsRefusedWith401AndNothingIsStored() {
        Updates.Builder update = textInNewChat("no secret");

        post(update.bytes(), null).expectStatus().isUnauthorized()
                .expectBody().json("{\"error\":\"unauthorized\"}");

        assertNothingStored(update.id(), update.chatId());
    }

    @Test
    void wrongSecretIsRefusedWith401AndNothingIsStored() {
        Updates.Builder update = textInNewChat("wrong secret");

        for (String wrong : List.of("", "wrong", SECRET + "x", SECRET.substring(1), SECRET.toUpperCase())) {
            EntityExchangeResult<byte[]> result = post(update.bytes(), wrong).expectStatus().isUnauthorized()
                    .expectBody().returnResult();
            assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }

        assertNothingStored(update.id(), update.chatId());
    }

    @Test
    void wrongSecretIsRefusedBeforeTheBodyIsLookedAt() {
        post(utf8("not json at all"), "wrong").expectStatus().isUnauthorized();
        post(new byte[MIB + 1], "wrong").expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "{\"update_id\":1,\"message\":{\"chat\":{\"id\":1}", "[{\"update_id\":1}]", "[]", "42", "null",
        "\"update\"", "{}", "{\"message\":{\"chat\":{\"id\":1}}}", "{\"update_id\":\"5\"}", "{\"update_id\":5.5}",
        "{\"update_id\":5.0}", "{\"update_id\":1e3}", "{\"update_id\":null}", "{\"update_id\":99999999999999999999}",
        "{\"update_id\":1}garbage", "", " "})
    void bodyThatIsNotAnUpdateGets400WithAnErrorObject(String body) {
        post(utf8(body)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isNotEmpty();
    }

    /**
     * Spec §12 scenario 106: [H] answered 422 and the spec recommends 200 and ignoring the body; the public contract
     * (docs/architecture.md) refuses it with 400 and an error object instead, like every body that is not an update,
     * so a misconfigured sender learns of its mistake. Telegram itself never sends an update without an id.
     */
    @Test
    void scenario106_aBodyWithoutUpdateIdGets400AndIsNotStored() {
        Updates.Builder update = textInNewChat("no update id");
        ObjectNode body = update.node();
        body.remove("update_id");
        assertThat(body.has("message")).isTrue();

        post(utf8(body.toString())).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isNotEmpty();

        assertNothingStored(update.id(), update.chatId());
    }

    /** One rule for a chat id (UpdateEnvelope.read): one that is not an integer is refused, never keyed by the user. */
    @ParameterizedTest
    @ValueSource(strings = {"\"-100\"", "-100.0", "null", "{\"id\": -100}"})
    void aChatIdThatIsNotAnIntegerGets400AndIsNotStoredUnderTheUsersKey(String chatId) {
        long id = Updates.text("x").id();
        String body = "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"date\":1,\"text\":\"Хлеб\","
                + "\"chat\":{\"id\":" + chatId + ",\"type\":\"group\"},\"from\":{\"id\":4242,\"is_bot\":false,"
                + "\"first_name\":\"A\"}}}";

        post(utf8(body)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("the chat id of message is not an integer");

        assertNothingStored(id, 4242);
    }

    @Test
    void bodyOneByteOverOneMebibyteGets413() {
        long id = Updates.text("x").id();
        byte[] body = updateOfSize(id, CHATS.getAndDecrement(), MIB + 1);
        assertThat(body).hasSize(MIB + 1);

        post(body).expectStatus().isEqualTo(413).expectBody().jsonPath("$.error").isNotEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitGets413WhileReading() {
        long chatId = CHATS.getAndDecrement();
        long id = Updates.text("x").id();
        byte[] body = updateOfSize(id, chatId, 3 * MIB);
        Flux<DataBuffer> chunks = Flux.range(0, 48).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(java.util.Arrays.copyOfRange(body, i * 64 * 1024, (i + 1) * 64 * 1024)));

        http.post().uri(PATH).header(WebhookHandler.SECRET_HEADER, SECRET).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                .expectStatus().isEqualTo(413);

        assertNothingStored(id, chatId);
    }

    @Test
    void bodyOfExactlyOneMebibyteIsStoredUnchanged() {
        long id = Updates.text("x").id();
        byte[] body = updateOfSize(id, CHATS.getAndDecrement(), MIB);
        assertThat(body).hasSize(MIB);

        post(body).expectStatus().isOk();

        assertThat(UpdatesTopic.await(id, 1, KAFKA_WAIT).get(0).value()).isEqualTo(body);
    }

    @Test
    void tenThousandLevelsOfNestingGet400Quickly() {
        String nested = "{\"update_id\":1,\"message\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        long started = System.nanoTime();

        post(utf8(nested)).expectStatus().isBadRequest();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void invalidUtf8Gets400() {
        byte[] body = textInNewChat("abc").bytes();
        String json = new String(body, StandardCharsets.UTF_8);
        int at = json.indexOf("abc");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;

        post(body).expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("body is not valid UTF-8");
    }

    @Test
    void nulAndBidiCharactersInsideStringsAreStoredByteForByte() {
        Updates.Builder update = textInNewChat("a\u0000b \u202Egnp.exe\u202C \u200F\u2066x\u2069 '; DROP TABLE --");
        byte[] body = update.bytes();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\\u0000").contains("\u202E");

        post(body).expectStatus().isOk();

        assertThat(UpdatesTopic.await(update.id(), 1, KAFKA_WAIT).get(0).value()).isEqualTo(body);
    }

    @Test
    void unknownUpdateKindIsAcceptedAndStored() {
        long id = Updates.text("x").id();
        byte[] body = utf8("{\"update_id\":" + id + ",\"brand_new_kind\":{\"future\":[1,{\"x\":null}]},"
                + "\"extra_top_level\":true}");

        post(body).expectStatus().isOk();

        ConsumerRecord<String, byte[]> record = UpdatesTopic.await(id, 1, KAFKA_WAIT).get(0);
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo(Long.toString(id));
        assertThat(UpdatesTopic.header(record, Headers.UPDATE_TYPE)).isEqualTo("brand_new_kind");
        assertThat(record.headers().lastHeader(Headers.CHAT_ID)).isNull();
    }

    @Test
    void sameUpdateTwiceIsStoredTwiceForTheProcessorToDeduplicate() {
        Updates.Builder update = textInNewChat("twice");

        post(update.bytes()).expectStatus().isOk();
        post(update.bytes()).expectStatus().isOk();

        assertThat(UpdatesTopic.await(update.id(), 2, KAFKA_WAIT)).hasSize(2)
                .allSatisfy(record -> assertThat(record.value()).isEqualTo(update.bytes()));
    }

    @Test
    void kafkaDownGives503WithRetryAfterThenStoresOnceKafkaIsBack() {
        Updates.Builder update = textInNewChat("during outage");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        TestKafka.stop();
        try {
            long started = System.nanoTime();
            post(update.bytes()).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody().jsonPath("$.error").isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofSeconds(PRODUCE_TIMEOUT_SECONDS + 2));
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        } finally {
            TestKafka.start();
        }

        // Telegram redelivers after a 503 until it gets a 2xx
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                post(update.bytes()).expectStatus().isOk());

        assertThat(UpdatesTopic.await(update.id(), 1, KAFKA_WAIT).get(0).value()).isEqualTo(update.bytes());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    @Test
    void webhookIsRegisteredAtStartUpWithTheSecret() {
        List<ApiCall> calls = telegram.awaitCalls("setWebhook", 1, Duration.ofSeconds(10));

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).string("url")).isEqualTo(PUBLIC_URL);
        assertThat(calls.get(0).string("secret_token")).isEqualTo(SECRET);
    }

    @Test
    void topicsAreCreatedAtStartUpWithTheConfiguredPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Set.of(Topics.UPDATES, Topics.UPDATES_DLT,
                    Topics.REPLIES, Topics.REPLIES_DLT)).allTopicNames().get();

            assertThat(topics.get(Topics.UPDATES).partitions()).hasSize(3);
            assertThat(topics).hasSize(4);
        }
    }

    @Test
    void metricsCountStoredAndRefusedUpdates() {
        post(textInNewChat("counted").bytes()).expectStatus().isOk();
        post(utf8("{}")).expectStatus().isBadRequest();
        post(utf8("{}"), "wrong").expectStatus().isUnauthorized();

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .contains("bread_bot_ingress_updates_total{outcome=\"stored\",service=\"ingress\",source=\"webhook\"}")
                .contains("bread_bot_ingress_updates_total{outcome=\"invalid\",service=\"ingress\",source=\"webhook\"}")
                .contains("bread_bot_ingress_updates_total{outcome=\"unauthorized\",service=\"ingress\",source=\"webhook\"}")
                .contains("bread_bot_ingress_produce_seconds_count{outcome=\"stored\",service=\"ingress\",source=\"webhook\"}")
                .doesNotContain(SECRET);
    }

    @Test
    void onlyHealthAndPrometheusAreExposed() {
        http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void otherMethodsOnTheWebhookPathAreNotServed() {
        http.get().uri(PATH).exchange().expectStatus().is4xxClientError();
    }

    /**
     * Telegram keeps its connections alive, and a client may send the next request before the server has finished
     * with the previous one. Reactor Netty 1.3.6 then stopped reading such a connection for good (reactor-netty
     * issue 4361): the next request on it was never answered, seen in CI as probes without an answer.
     */
    @Test
    void aKeptAliveConnectionAnswersRequestsSentBeforeThePreviousOneWasAnswered() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int round = 0; round < 20; round++) {
                byte[] update = textInNewChat("pipelined " + round).bytes();
                out.write(utf8("POST " + PATH + " HTTP/1.1\r\nHost: ingress\r\nContent-Type: application/json\r\n"
                        + WebhookHandler.SECRET_HEADER + ": " + SECRET + "\r\nContent-Length: " + update.length
                        + "\r\n\r\n"));
                out.write(update);
                out.write(utf8("GET /actuator/health/liveness HTTP/1.1\r\nHost: ingress\r\n\r\n"));
                out.flush();
                assertThat(RawHttp.readStatus(in)).as("round %d, webhook", round).isEqualTo(200);
                assertThat(RawHttp.readStatus(in)).as("round %d, liveness", round).isEqualTo(200);
            }
            out.write(utf8("GET /actuator/health/liveness HTTP/1.1\r\nHost: ingress\r\n\r\n"));
            out.flush();
            assertThat(RawHttp.readStatus(in)).as("the request after them").isEqualTo(200);
        }
    }
}

package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.tracing.Trace;
import org.breadbot.ingress.UpdatesTopic;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Ingress as an operator sees it (docs/operations.md): each stored update starts or continues a W3C trace on its
 * record, and the metrics the runbook names are on /actuator/prometheus without any secret in them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "bread-bot.ingress.webhook.secret=" + IngressObservabilityIT.SECRET,
    "telegram.api.bot-token=" + FakeTelegram.TOKEN})
class IngressObservabilityIT {

    static final String SECRET = "observability_secret-0123456789";

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    private static final AtomicLong UPDATE_IDS = new AtomicLong(880_000_000L + System.nanoTime() % 1_000_000);

    @LocalServerPort
    int port;

    private WebTestClient http;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private long post(String traceparent) {
        long updateId = UPDATE_IDS.incrementAndGet();
        WebTestClient.RequestBodySpec request = http.post().uri("/telegram/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET);
        if (traceparent != null) {
            request.header(Trace.TRACEPARENT, traceparent);
        }
        request.bodyValue(Updates.text("trace me").inGroup(-5_000_001).from(TestUsers.ALICE).id(updateId).json())
                .exchange().expectStatus().isOk();
        return updateId;
    }

    private static Trace traceOnRecord(long updateId) {
        ConsumerRecord<String, byte[]> record = UpdatesTopic.await(updateId, 1, KAFKA_WAIT).get(0);
        return Trace.parse(UpdatesTopic.header(record, Trace.TRACEPARENT)).orElseThrow();
    }

    @Test
    void aCallersTraceIsContinuedOnTheRecord() {
        Trace caller = Trace.start();

        Trace stored = traceOnRecord(post(caller.traceparent()));

        assertThat(stored.traceId()).isEqualTo(caller.traceId());
        assertThat(stored.spanId()).isNotEqualTo(caller.spanId());
    }

    @Test
    void withoutOrWithAHostileTraceparentAnUpdateStartsATraceOfItsOwn() {
        Trace first = traceOnRecord(post(null));
        Trace second = traceOnRecord(post(null));
        Trace garbage = traceOnRecord(post("00-zzzz-not-a-trace-01"));
        Trace zeros = traceOnRecord(post("00-00000000000000000000000000000000-0000000000000000-01"));
        Trace huge = traceOnRecord(post("00-" + "a".repeat(4_000)));

        assertThat(first.traceId()).isNotEqualTo(second.traceId());
        assertThat(garbage.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(zeros.traceId()).isNotEqualTo("00000000000000000000000000000000");
        assertThat(huge.traceparent()).hasSize(55);
    }

    @Test
    void theMetricsOperatorsGraphAreExposedWithoutSecrets() {
        post(null);

        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(prometheus())
                .contains("kafka_producer_record_send_total{"));
        assertThat(prometheus())
                .contains("bread_bot_ingress_updates_total{outcome=\"stored\",service=\"ingress\",source=\"webhook\"}")
                .contains("bread_bot_ingress_produce_seconds_bucket{")
                .contains("kafka_producer_record_error_total{")
                .contains("kafka_producer_request_latency_avg{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/telegram/webhook\"")
                .contains("jvm_memory_used_bytes")
                .doesNotContain(SECRET)
                .doesNotContain(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

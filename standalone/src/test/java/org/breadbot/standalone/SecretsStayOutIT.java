package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bot token, the webhook secret and the database password stay out of everything a whole-pipeline run leaves
 * behind: the log output, error bodies, metrics and every Kafka record (values and headers, dead letters included),
 * while the run goes through refusals, Telegram errors, timeouts, dead letters and finally a revoked token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DB_PASSWORD = "bread_bot_test_password";
    private static final List<String> SENSITIVE_ENDPOINTS = List.of("env", "configprops", "beans", "heapdump",
            "threaddump", "loggers", "metrics", "mappings", "info", "conditions", "scheduledtasks", "caches",
            "startup", "shutdown", "sbom", "logfile");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noSecretReachesLogsErrorBodiesMetricsOrKafkaRecords(CapturedOutput output) throws Exception {
        List<String> secrets = List.of(FakeTelegram.TOKEN, FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1),
                RunningBot.SECRET, DB_PASSWORD);
        List<String> leftBehind = new ArrayList<>();
        try (RunningBot bot = RunningBot.start(Map.of(
                "telegram.api.request-timeout", "2s",
                "bread-bot.sender.retry.max-attempts", 2,
                "bread-bot.sender.retry.min-backoff", "100ms"))) {
            String webhook = "http://127.0.0.1:" + bot.port() + "/telegram/webhook";
            long chat = -5_000_001;

            leftBehind.add(body(post(webhook, "wrong-secret", "{}")));
            leftBehind.add(body(post(webhook, RunningBot.SECRET, "not json")));
            leftBehind.add(body(post(webhook, RunningBot.SECRET, "{\"update_id\":\"x\"}")));
            leftBehind.add(body(post(webhook, RunningBot.SECRET, "{\"update_id\":1,\"x\":\"" + "a".repeat(1_100_000)
                    + "\"}")));

            bot.telegram.script("sendMessage", FakeResponse.serverError(), FakeResponse.hang(),
                    FakeResponse.tooManyRequests(1), FakeResponse.badRequest("can't parse entities"),
                    FakeResponse.forbidden("bot was kicked from the group chat"));
            for (int i = 0; i < 4; i++) {
                assertThat(bot.post(Updates.text("Хлеб выбери " + i).inGroup(chat - i).from(TestUsers.ALICE)))
                        .isEqualTo(200);
            }
            await().atMost(WAIT).until(() -> bot.telegram.calls("sendMessage").size() >= 5);
            assertThat(bot.post("{\"update_id\":77,\"message\":\"not a message\"}")).isEqualTo(200);

            for (ConfigurableApplicationContext context : bot.bot().contexts()) {
                context.getBeansOfType(MeterRegistry.class).values().forEach(registry ->
                        registry.getMeters().forEach(meter -> leftBehind.add(describe(meter))));
            }
            leftBehind.add(body(get("http://127.0.0.1:" + bot.port() + "/actuator/prometheus")));
            assertOnlyHealthAndPrometheusAreExposed(bot.port());

            bot.telegram.script("sendMessage", FakeResponse.status(401, "{\"ok\":false,\"error_code\":401,"
                    + "\"description\":\"Unauthorized\"}"));
            bot.post(Updates.text("Хлеб выбери конец").inGroup(chat - 10).from(TestUsers.ALICE));
            await().atMost(WAIT).until(() -> output.getAll().contains("ALERT"));
        }
        leftBehind.add(output.getAll());
        leftBehind.addAll(allKafkaRecords());

        for (String secret : secrets) {
            assertThat(leftBehind).as("nothing holds %s", secret).noneMatch(text -> text.contains(secret));
        }
        assertThat(output.getAll()).contains("Dead-lettered");
    }

    private void assertOnlyHealthAndPrometheusAreExposed(int port) throws Exception {
        String links = body(get("http://127.0.0.1:" + port + "/actuator"));
        assertThat(links).contains("/actuator/health").contains("/actuator/prometheus");
        for (String endpoint : SENSITIVE_ENDPOINTS) {
            assertThat(links).as(endpoint).doesNotContain("/actuator/" + endpoint + "\"");
            assertThat(get("http://127.0.0.1:" + port + "/actuator/" + endpoint).statusCode()).as(endpoint)
                    .isEqualTo(404);
        }
    }

    private static List<String> allKafkaRecords() throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            topics = admin.listTopics().names().get();
        }
        List<String> records = new ArrayList<>();
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : TestKafka.consume(topic, 0, Duration.ofSeconds(2))) {
                StringBuilder text = new StringBuilder(topic).append(' ').append(record.key()).append(' ');
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (Header header : record.headers()) {
                    text.append(' ').append(header.key()).append('=')
                            .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                records.add(text.toString());
            }
        }
        assertThat(topics).contains("telegram.updates", "telegram.replies", "telegram.replies.dlt");
        return records;
    }

    private static String describe(Meter meter) {
        StringBuilder text = new StringBuilder(meter.getId().getName());
        for (Tag tag : meter.getId().getTags()) {
            text.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
        }
        return text.toString();
    }

    private HttpResponse<String> post(String url, String secret, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(HttpResponse<String> response) {
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }
}

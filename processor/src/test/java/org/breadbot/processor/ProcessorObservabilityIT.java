package org.breadbot.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.tracing.Trace;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The processor as an operator sees it (docs/operations.md): the real application, one update through it, then its
 * trace on the reply record, its ids on the log lines and every metric the runbook names on /actuator/prometheus.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProcessorObservabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anUpdatesTraceReachesItsReplyItsIdsAreOnItsLogLinesAndTheMetricsAreExposed(CapturedOutput output)
            throws Exception {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        TestDatabase database = TestPostgres.newDatabase();
        long chat = -1_000_000_000_000L - ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
        long updateId = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        Trace incoming = Trace.start();
        long receivedAt = System.currentTimeMillis() - 1_500;

        try (ConfigurableApplicationContext processor = start(database)) {
            produce(chat, Updates.text("Хлеб выбери чай или кофе").inGroup(chat).from(TestUsers.ALICE).id(updateId)
                    .json(), Map.of(
                            Headers.UPDATE_ID, Long.toString(updateId),
                            Headers.CHAT_ID, Long.toString(chat),
                            Headers.RECEIVED_AT, Long.toString(receivedAt),
                            Trace.TRACEPARENT, incoming.traceparent()));

            ConsumerRecord<String, byte[]> reply = firstReply(chat);
            Trace replyTrace = Trace.parse(Headers.text(reply.headers(), Trace.TRACEPARENT)).orElseThrow();
            assertThat(replyTrace.traceId()).isEqualTo(incoming.traceId());
            assertThat(replyTrace.spanId()).isNotEqualTo(incoming.spanId());
            assertThat(Headers.number(reply.headers(), Headers.RECEIVED_AT)).isEqualTo(receivedAt);

            String ids = "[update=" + updateId + " chat=" + chat + " trace=" + incoming.traceId() + "]";
            await().atMost(WAIT).until(() -> output.getOut().contains("Update " + updateId + " (message)"));
            assertThat(linesWith(output, "Update " + updateId + " (message)")).allMatch(line -> line.contains(ids));
            assertThat(linesWith(output, "INSERT INTO processed_updates")).isNotEmpty()
                    .allMatch(line -> line.contains(ids));

            String base = "http://127.0.0.1:" + processor.getEnvironment().getProperty("local.server.port");
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(base + "/actuator/prometheus"))
                    .contains("kafka_consumer_fetch_manager_records_lag{")
                    .contains("r2dbc_pool_"));
            String prometheus = get(base + "/actuator/prometheus");
            assertThat(prometheus)
                    .contains("bread_bot_processor_updates_total{outcome=\"applied\",service=\"processor\"}")
                    .contains("bread_bot_processor_updates_total{outcome=\"beyond-horizon\",service=\"processor\"} 0.0")
                    .contains("bread_bot_processor_dlt_total")
                    .contains("bread_bot_processor_processing_seconds_bucket{")
                    .contains("bread_bot_processor_update_age_seconds_bucket{")
                    .contains("bread_bot_processor_outbox_pending")
                    .containsPattern("bread_bot_processor_commands_total\\{[^}]*command=\"[A-Z_]+\"[^}]*"
                            + "outcome=\"answered\"")
                    .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"\\d\"[^}]*"
                            + "topic=\"telegram\\.updates\"")
                    .contains("kafka_consumer_fetch_manager_records_lag_max{")
                    .contains("kafka_producer_record_send_total{")
                    .contains("r2dbc_pool_acquired_connections")
                    .doesNotContain(FakeTelegram.TOKEN, database.password());
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("logging.level.org.breadbot.processor.pipeline.UpdateListener", "DEBUG");
        properties.put("logging.level.org.springframework.r2dbc.core", "DEBUG");
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(ProcessorApplication.class).run(args.toArray(String[]::new));
    }

    private static void produce(long chat, String json, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.UPDATES, Long.toString(chat),
                    json.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static ConsumerRecord<String, byte[]> firstReply(long chat) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPLIES, WAIT).stream()
                    .map(info -> new TopicPartition(Topics.REPLIES, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(chat).equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no reply to chat " + chat + " within " + WAIT);
    }

    private static List<String> linesWith(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}

package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code import} of the hand-made export (tdesktop/result.json) against the embedded broker, then read back. */
class ImportIT {

    private static final long CHAT = TdesktopUpdatesTest.CHAT;
    private static final String SAMPLE = TdesktopUpdatesTest.sample().toString();
    private static final Duration READ = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static String newTopic() {
        return "imports." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyMessageIsWrittenOnceKeyedByItsChatAtTheTimeItWasSent() {
        String topic = newTopic();

        Tool.Run run = Tool.succeed("import", SAMPLE, "--topic", topic);

        assertThat(run.err()).contains("imported 27 messages of supergroup chat " + CHAT + " \"Пекарня на Лесной\""
                + " (2026-11-02T06:00:00Z to 2026-11-06T17:00:00Z) into " + topic);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.consume(topic, 27, READ);
        assertThat(records).hasSize(27);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(Long.toString(CHAT));
            assertThat(Headers.text(record.headers(), Headers.SOURCE)).isEqualTo(Headers.SOURCE_TDESKTOP);
            assertThat(Headers.text(record.headers(), Headers.UPDATE_TYPE)).isEqualTo("message");
            JsonNode update = Json.mapper().readTree(record.value());
            assertThat(record.timestamp()).isEqualTo(update.path("message").path("date").asLong() * 1000);
            assertThat(Headers.number(record.headers(), Headers.UPDATE_ID)).isEqualTo(update.path("update_id").asLong());
        });
        assertThat(records).extracting(record -> Headers.number(record.headers(), Headers.UPDATE_ID)).isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void statsCountTheImportedMessagesPerDayAndPerMember() {
        String topic = newTopic();
        Tool.succeed("import", SAMPLE, "--topic", topic);

        Tool.Run run = Tool.succeed("stats", "--topic", topic, "--by", "day,user", "--zone", "Europe/Moscow",
                "--format", "csv");

        assertThat(run.lines()).containsExactly(
                "dimension,key,count",
                "day,2026-11-02,6",
                "day,2026-11-03,6",
                "day,2026-11-04,6",
                "day,2026-11-05,5",
                "day,2026-11-06,4",
                "user,Алиса (1001),11",
                "user,Борис (1002),8",
                "user,Вера (1003),7",
                "user,(none),1");
    }

    @Test
    void exportAndReplayReadTheImportLikeTheUpdateTopic() {
        String topic = newTopic();
        Tool.succeed("import", SAMPLE, "--topic", topic);

        Tool.Run export = Tool.succeed("export", "--topic", topic, "--type", "message", "--user", "1003");
        assertThat(export.lines()).hasSize(7);

        Tool.Run replay = Tool.succeed("replay", "--topic", topic);
        List<JsonNode> answers = replay.lines().stream().map(line -> Json.mapper().readTree(line)).toList();
        assertThat(answers).anySatisfy(answer -> {
            assertThat(answer.path("update_id").asLong()).isEqualTo(104);
            assertThat(answer.path("chat_id").asLong()).isEqualTo(CHAT);
            assertThat(answer.path("text").asString()).isIn("раз", "два");
        });
    }

    @Test
    void aFileWithOneBadMessageWritesNothingAndSaysWhere() throws IOException {
        String topic = newTopic();
        String good = Files.readString(Path.of(SAMPLE), StandardCharsets.UTF_8);
        String bad = good.replace("\"from_id\": \"user1003\"", "\"from_id\": \"vera\"");
        Path file = dir.resolve("result.json");
        Files.writeString(file, bad, StandardCharsets.UTF_8);

        Tool.Run run = Tool.run("import", file.toString(), "--topic", topic);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + file + ":").contains(": message 108: from_id \"vera\" is not");
        assertThat(TestKafka.consume(topic, 0, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void readersNeverSeeAnAbortedImport() {
        String topic = newTopic();
        TestKafka.createTopics(1, topic);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborted-import-" + topic),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "1", "{\"update_id\": 1, \"message\": {}}".getBytes()));
            producer.flush();
            producer.abortTransaction();
        }
        Tool.succeed("import", SAMPLE, "--topic", topic);

        assertThat(Tool.succeed("stats", "--topic", topic).err()).contains("counted 27 records");
    }

    @Test
    void aDryRunChecksAndWritesNothing() {
        String topic = newTopic();

        Tool.Run run = Tool.succeed("import", SAMPLE, "--topic", topic, "--dry-run");

        assertThat(run.err()).contains("would import 27 messages of supergroup chat " + CHAT);
        assertThat(TestKafka.consume(topic, 0, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theTopicsOfTheBotAreRefusedAndTheDefaultIsTelegramImports() {
        for (String topic : List.of(Topics.UPDATES, Topics.REPLIES, Topics.UPDATES_DLT, "anything.dlt")) {
            Tool.Run run = Tool.run("import", SAMPLE, "--topic", topic);
            assertThat(run.exitCode()).as(topic).isEqualTo(1);
            assertThat(run.err()).as(topic).contains("is read by the bot itself");
        }

        Tool.succeed("import", SAMPLE);

        assertThat(TestKafka.consume(Topics.IMPORTS, 27, READ))
                .allSatisfy(record -> assertThat(Headers.text(record.headers(), Headers.SOURCE)).isEqualTo("tdesktop"));
    }

    @Test
    void aWriteThatFailsHalfwayIsRolledBackAndReadersSeeNoneOfIt() {
        String topic = newTopic();

        // the short messages fit in a request of 600 bytes, the replies, which carry the message they answer, do not
        Tool.Run run = Tool.run("import", SAMPLE, "--topic", topic, "-X", "max.request.size=600");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the import was rolled back, nothing of " + SAMPLE + " is in " + topic);
        assertThat(TestKafka.consume(topic, 0, Duration.ofSeconds(3))).isEmpty();
        assertThat(Tool.succeed("stats", "--topic", topic).err()).contains("counted 0 records");
    }
}

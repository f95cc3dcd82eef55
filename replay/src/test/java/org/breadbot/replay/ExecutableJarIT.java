package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool, run as an analyst runs it: {@code java -jar replay/target/bread-bot-replay.jar}. This also
 * proves the jar writes Parquet with no Hadoop on its class path (tests have it; the jar does not).
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of("target", "bread-bot-replay.jar");
    private static final int RECORDS = Integer.getInteger("replay.benchmark.records", 100_000);
    private static final Pattern SUMMARY = Pattern.compile(
            "exported ([\\d,]+) records \\(([\\d,]+) read\\) in ([\\d.]+) s, ([\\d,]+) records/s");

    @Test
    void helpListsTheCommands() throws Exception {
        Result result = java(List.of("--help"), Duration.ofSeconds(60));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("export", "stats", "dlt", "Never joins or moves a consumer group");
    }

    @Test
    void exportOfAHundredThousandUpdatesToParquetFinishesReportsItsRateAndMovesNoOffsets(@TempDir Path dir)
            throws Exception {
        String topic;
        try (UpdateTopic updates = UpdateTopic.create("benchmark", 3)) {
            topic = updates.name;
            fill(updates, RECORDS);
        }
        assertThat(recordsIn(topic)).as("records stored").isEqualTo(RECORDS);
        Map<TopicPartition, OffsetAndMetadata> committedBefore = commitAsTheProcessor(topic);
        Path file = dir.resolve("updates.parquet");
        List<String> command = List.of("export", "--topic", topic, "--format", "parquet", "--out", file.toString(),
                "--bootstrap-servers", TestKafka.bootstrapServers());

        Result result = java(command, Duration.ofMinutes(5));

        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher summary = SUMMARY.matcher(result.err());
        assertThat(summary.find()).as(result.err()).isTrue();
        assertThat(summary.group(1).replace(",", "")).isEqualTo(Integer.toString(RECORDS));
        System.out.printf("BENCHMARK java -Xmx512m -jar %s %s%n  -> %s (file %,d bytes)%n", JAR,
                String.join(" ", command), summary.group(), Files.size(file));
        assertThat(ParquetRows.read(file)).hasSize(RECORDS);
        assertThat(processorOffsets(topic)).isEqualTo(committedBefore);
    }

    @Test
    void replayPrintsOnlyAnswersOnStandardOutput() throws Exception {
        String topic;
        try (UpdateTopic updates = UpdateTopic.create("jar-replay", 3)) {
            topic = updates.name;
            long now = Instant.now().toEpochMilli();
            updates.send(Updates.text("Хлеб добавь триггер тост=с маслом").inGroup(-77L), now - 2_000);
            updates.send(Updates.text("тост").inGroup(-77L), now - 1_000);
        }

        Result result = java(List.of("replay", "--topic", topic, "--bootstrap-servers", TestKafka.bootstrapServers()),
                Duration.ofMinutes(3));

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(Json.mapper().readTree(line).isObject()).isTrue());
        assertThat(Json.mapper().readTree(lines.get(1)).get("text").asString()).isEqualTo("с маслом");
        assertThat(result.err()).contains("replayed 2 updates: 2 answers");
    }

    /** Realistic traffic: texts, edits and stickers from three users in 500 chats, a second apart. */
    private static void fill(UpdateTopic topic, int count) {
        long start = Instant.now().minusSeconds(count).toEpochMilli();
        for (int i = 0; i < count; i++) {
            long chat = -1_000_000L - i % 500;
            Updates.Builder update = switch (i % 10) {
                case 0 -> Updates.sticker("CAACAgIAAxkBAAE" + i, "AgAD" + i).inGroup(chat);
                case 1 -> Updates.text("Хлеб, что такое " + i + "?").inGroup(chat).edited();
                default -> Updates.text("Сообщение номер " + i + " про хлеб и всё такое").inGroup(chat);
            };
            update.from(i % 3 == 0 ? TestUsers.ALICE : i % 3 == 1 ? TestUsers.BOB : TestUsers.CAROL);
            List<Header> headers = List.of(
                    UpdateTopic.header(Headers.UPDATE_ID, Long.toString(update.id())),
                    UpdateTopic.header(Headers.UPDATE_TYPE, i % 10 == 1 ? "edited_message" : "message"),
                    UpdateTopic.header(Headers.CHAT_ID, Long.toString(chat)),
                    UpdateTopic.header(Headers.SOURCE, Headers.SOURCE_WEBHOOK));
            topic.sendAsync(update.bytes(), Long.toString(chat), start + i * 1000L, headers);
        }
        topic.flush();
    }

    private static long recordsIn(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> commitAsTheProcessor(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bread-bot-processor",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < 1_000 && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync();
        }
        return processorOffsets(topic);
    }

    private static Map<TopicPartition, OffsetAndMetadata> processorOffsets(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets("bread-bot-processor")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> mine = new java.util.HashMap<>();
            all.forEach((partition, offset) -> {
                if (partition.topic().equals(topic)) {
                    mine.put(partition, offset);
                }
            });
            assertThat(mine).isNotEmpty();
            return mine;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result java(List<String> args, Duration timeout) throws IOException, InterruptedException {
        assertThat(JAR).as("package the module first (mvn verify does)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(args);
        Path out = Files.createTempFile("replay-out", ".txt");
        Path err = Files.createTempFile("replay-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the tool did not finish within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

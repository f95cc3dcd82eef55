package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DltIT {

    private static final String TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnop";

    private UpdateTopic source;

    @BeforeEach
    void createTopics() {
        source = UpdateTopic.create("dlt-source", 3);
        TestKafka.createTopics(3, source.name + ".dlt");
    }

    @AfterEach
    void closeTopics() {
        source.close();
    }

    @Test
    void listShowsErrorHeadersAndWhereTheRecordFailed() {
        Updates.Builder update = Updates.text("Хлеб").inGroup(-42L);
        deadLetter(1, update, 42L, "org.breadbot.processor.pipeline.MalformedUpdateException",
                "bad update near bot" + TOKEN);

        Tool.Run table = Tool.succeed("dlt", "list", "--topic", source.name);

        assertThat(table.out()).contains("1 dead letter(s) in " + source.name + ".dlt")
                .contains("1:0")
                .contains("-42")
                .contains(Long.toString(update.id()))
                .contains("org.breadbot.processor.pipeline.MalformedUpdateException")
                .contains("bad update near bot***")
                .contains(source.name + "-1@42")
                .doesNotContain(TOKEN);

        List<String> lines = Tool.succeed("dlt", "list", "--topic", source.name, "--format", "jsonl").lines();
        assertThat(lines).hasSize(1);
        JsonNode letter = Json.mapper().readTree(lines.get(0));
        assertThat(letter.get("partition").asInt()).isEqualTo(1);
        assertThat(letter.get("offset").asLong()).isZero();
        assertThat(letter.get("error_class").asString()).endsWith("MalformedUpdateException");
        assertThat(letter.get("error_message").asString()).isEqualTo("bad update near bot***");
        assertThat(letter.get("source_topic").asString()).isEqualTo(source.name);
        assertThat(letter.get("source_partition").asString()).isEqualTo("1");
        assertThat(letter.get("source_offset").asString()).isEqualTo("42");
        assertThat(letter.get("headers").get("kafka_dlt-original-offset").asString()).isEqualTo("42");
        assertThat(Json.mapper().readTree(letter.get("value").asString()))
                .isEqualTo(Json.mapper().readTree(update.json()));
    }

    @Test
    void emptyDltListsNothing() {
        Tool.Run run = Tool.succeed("dlt", "list", "--topic", source.name);

        assertThat(run.out()).contains("0 dead letter(s)");
    }

    @Test
    void redrivePutsTheRecordBackOnItsSourceTopicWithoutTheErrorHeaders() {
        Updates.Builder first = Updates.text("first").inGroup(-7L);
        Updates.Builder second = Updates.text("second").inGroup(-8L);
        deadLetter(1, first, 10L, "java.lang.IllegalStateException", "boom");
        deadLetter(1, second, 11L, "java.lang.IllegalStateException", "boom");

        Tool.Run run = Tool.succeed("dlt", "redrive", "--topic", source.name, "--offset", "1:1");

        assertThat(run.out()).contains("re-drove 1:1 -> " + source.name);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.consume(source.name, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(record.key()).isEqualTo("-8");
        assertThat(record.value()).isEqualTo(second.bytes());
        assertThat(headerNames(record)).containsExactly(Headers.UPDATE_ID, Headers.UPDATE_TYPE, Headers.CHAT_ID,
                "traceparent");
        assertThat(new String(record.headers().lastHeader(Headers.UPDATE_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(Long.toString(second.id()));
        assertThat(TestKafka.consume(source.name + ".dlt", 2, Duration.ofSeconds(10)))
                .as("the DLT is left as it was").hasSize(2);
    }

    @Test
    void redriveAllRepublishesEveryDeadLetter() {
        deadLetter(0, Updates.text("a").inGroup(-1L), 1L, "E", "m");
        deadLetter(2, Updates.text("b").inGroup(-2L), 2L, "E", "m");

        Tool.succeed("dlt", "redrive", "--topic", source.name, "--all");

        assertThat(TestKafka.consume(source.name, 2, Duration.ofSeconds(20))).hasSize(2);
    }

    @Test
    void redriveOfAnOffsetNotInTheDltPublishesNothing() {
        deadLetter(1, Updates.text("a").inGroup(-1L), 1L, "E", "m");

        Tool.Run run = Tool.run("dlt", "redrive", "--topic", source.name, "--offset", "1:0", "--offset", "2:5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("2:5").contains("nothing was re-driven");
        assertThat(TestKafka.consume(source.name, 0, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void dryRunPublishesNothing() {
        deadLetter(1, Updates.text("a").inGroup(-1L), 1L, "E", "m");

        Tool.Run run = Tool.succeed("dlt", "redrive", "--topic", source.name, "--all", "--dry-run");

        assertThat(run.out()).contains("would re-drive " + source.name + ".dlt:1:0 -> " + source.name);
        assertThat(TestKafka.consume(source.name, 0, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void deadLetterWhoseValueWasDroppedIsNotRedriven() {
        List<Header> headers = new ArrayList<>(errorHeaders("E", "too large", 1, 3L));
        headers.add(UpdateTopic.header("dlt-value-dropped-bytes", "2000000"));
        sendToDlt(1, "-1", null, headers);

        Tool.Run run = Tool.run("dlt", "redrive", "--topic", source.name, "--all");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("1:0").contains("value was not kept");
        assertThat(TestKafka.consume(source.name, 0, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void malformedPositionIsAUsageError() {
        Tool.Run run = Tool.run("dlt", "redrive", "--topic", source.name, "--offset", "one:two");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PARTITION:OFFSET");
    }

    /** A dead letter as the processor's recoverer writes it: original headers plus error headers. */
    private void deadLetter(int partition, Updates.Builder update, long sourceOffset, String errorClass,
            String message) {
        List<Header> headers = new ArrayList<>();
        headers.add(UpdateTopic.header(Headers.UPDATE_ID, Long.toString(update.id())));
        headers.add(UpdateTopic.header(Headers.UPDATE_TYPE, "message"));
        headers.add(UpdateTopic.header(Headers.CHAT_ID, Long.toString(update.chatId())));
        headers.add(UpdateTopic.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        headers.addAll(errorHeaders(errorClass, message, partition, sourceOffset));
        sendToDlt(partition, Long.toString(update.chatId()), update.bytes(), headers);
    }

    private List<Header> errorHeaders(String errorClass, String message, int partition, long sourceOffset) {
        return List.of(
                new RecordHeader("kafka_dlt-original-topic", source.name.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(partition).array()),
                new RecordHeader("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(sourceOffset).array()),
                UpdateTopic.header(Headers.ERROR_CLASS, errorClass),
                UpdateTopic.header(Headers.ERROR_MESSAGE, message));
    }

    private void sendToDlt(int partition, String key, byte[] value, List<Header> headers) {
        try (UpdateTopic letters = UpdateTopic.existing(source.name + ".dlt")) {
            letters.sendRaw(partition, key, value, System.currentTimeMillis(), headers);
        }
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));
        return names;
    }
}

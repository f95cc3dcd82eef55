package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ExportIT {

    /** Recent enough that the broker's retention never deletes the test's records while it runs. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
    private static final Instant T1 = T0.plus(10, ChronoUnit.MINUTES);

    private UpdateTopic topic;

    @BeforeEach
    void createTopic() {
        topic = UpdateTopic.create("export", 3);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void timeRangeIncludesFromAndExcludesTo() {
        long justBeforeFrom = send(-100L, T0.minusMillis(1));
        long atFrom = send(-101L, T0);
        long justAfterFrom = send(-102L, T0.plusMillis(1));
        long justBeforeTo = send(-103L, T1.minusMillis(1));
        long atTo = send(-104L, T1);
        long afterTo = send(-105L, T1.plusMillis(1));

        List<Long> exported = updateIds(Tool.succeed("export", "--topic", topic.name,
                "--from", T0.toString(), "--to", T1.toString()));

        assertThat(exported).containsExactlyInAnyOrder(atFrom, justAfterFrom, justBeforeTo)
                .doesNotContain(justBeforeFrom, atTo, afterTo);
    }

    @Test
    void timesWithAnOffsetMeanTheSameInstant() {
        long atFrom = send(-101L, T0);
        send(-104L, T1);

        String fromInMoscow = T0.atOffset(ZoneOffset.ofHours(3)).toString();
        String toWithZoneId = T1.atZone(java.time.ZoneId.of("Europe/Berlin")).toString();

        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--from", fromInMoscow,
                "--to", toWithZoneId))).containsExactly(atFrom);
    }

    @Test
    void openEndsReachTheOldestAndTheNewestRecord() {
        long oldest = send(-100L, T0.minusSeconds(600));
        long newest = send(-100L, T1.plusSeconds(600));

        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--to", T1.toString())))
                .containsExactly(oldest);
        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--from", T0.toString())))
                .containsExactly(newest);
        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name))).containsExactlyInAnyOrder(oldest, newest);
    }

    @Test
    void localTimeWithoutZoneIsRefused() {
        Tool.Run run = Tool.run("export", "--topic", topic.name, "--from", "2026-05-01T00:00:00");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ISO-8601 date-time with zone");
    }

    @Test
    void chatFilterReturnsOnlyThatChatsUpdates() {
        long first = send(-200L, T0);
        send(-201L, T0.plusSeconds(1));
        long second = send(-200L, T0.plusSeconds(2));
        topic.send(Updates.text("hi").from(TestUsers.BOB), T0.plusSeconds(3).toEpochMilli());

        List<Long> exported = updateIds(Tool.succeed("export", "--topic", topic.name, "--chat", "-200"));

        assertThat(exported).containsExactly(first, second);
        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--chat", "-200", "--chat", "-201")))
                .hasSize(3);
    }

    @Test
    void typeFilterReturnsOnlyThatType() {
        Updates.Builder message = Updates.text("Хлеб").inGroup(-300L);
        Updates.Builder edit = Updates.text("Хлеб!").inGroup(-300L).edited();
        topic.send(message, T0.toEpochMilli());
        topic.send(edit, T0.toEpochMilli() + 1);

        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--type", "edited_message")))
                .containsExactly(edit.id());
        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--type", "message")))
                .containsExactly(message.id());
    }

    @Test
    void userFilterReturnsOnlyThatUsersUpdates() {
        Updates.Builder byAlice = Updates.text("a").inGroup(-400L).from(TestUsers.ALICE);
        Updates.Builder byBob = Updates.text("b").inGroup(-400L).from(TestUsers.BOB);
        topic.send(byAlice, T0.toEpochMilli());
        topic.send(byBob, T0.toEpochMilli());

        assertThat(updateIds(Tool.succeed("export", "--topic", topic.name, "--user",
                Long.toString(TestUsers.BOB.id())))).containsExactly(byBob.id());
    }

    @Test
    void jsonLineCarriesPositionTimestampHeadersKeyAndTheUnchangedUpdate() {
        Updates.Builder update = Updates.text("Хлеб топ").inGroup(-500L).from(TestUsers.ALICE)
                .field("field_from_the_future", Json.mapper().createObjectNode().put("x", 1));
        var metadata = topic.send(update, T0.toEpochMilli());

        List<String> lines = Tool.succeed("export", "--topic", topic.name).lines();

        assertThat(lines).hasSize(1);
        JsonNode line = Json.mapper().readTree(lines.get(0));
        assertThat(line.get("topic").asString()).isEqualTo(topic.name);
        assertThat(line.get("partition").asInt()).isEqualTo(metadata.partition());
        assertThat(line.get("offset").asLong()).isEqualTo(metadata.offset());
        assertThat(line.get("timestamp").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(line.get("key").asString()).isEqualTo("-500");
        assertThat(line.get("headers").get("update-type").asString()).isEqualTo("message");
        assertThat(line.get("headers").get("chat-id").asString()).isEqualTo("-500");
        assertThat(line.get("headers").get("source").asString()).isEqualTo("webhook");
        assertThat(line.get("update")).isEqualTo(Json.mapper().readTree(update.json()));
        assertThat(line.has("raw")).isFalse();
    }

    @Test
    void hostileValuesAreExportedAsNullUpdatesWithTheirRawText() {
        long time = T0.toEpochMilli();
        topic.sendRaw(0, "k", "this is not json {".getBytes(StandardCharsets.UTF_8), time, List.of());
        topic.sendRaw(0, "k", "[1,2,3]".getBytes(StandardCharsets.UTF_8), time, List.of());
        topic.sendRaw(0, "k", "{\"no_update_id\":true}".getBytes(StandardCharsets.UTF_8), time, List.of());
        topic.sendRaw(0, "k", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8), time,
                List.of());
        topic.sendRaw(0, null, null, time, List.of());
        topic.sendRaw(0, "k", new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF}, time,
                List.of(new org.apache.kafka.common.header.internals.RecordHeader("update-type",
                        new byte[] {0x00, (byte) 0xFF})));
        byte[] prettyPrinted = Updates.text("line\nbreak").inGroup(-600L).node().toPrettyString()
                .getBytes(StandardCharsets.UTF_8);
        topic.sendRaw(0, "-600", prettyPrinted, time, List.of());

        Tool.Run run = Tool.succeed("export", "--topic", topic.name);

        List<JsonNode> lines = run.lines().stream().map(line -> Json.mapper().readTree(line)).toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 6)).allSatisfy(line -> assertThat(line.get("update").isNull()).isTrue());
        assertThat(lines.get(0).get("raw").asString()).isEqualTo("this is not json {");
        assertThat(lines.get(1).get("raw").asString()).isEqualTo("[1,2,3]");
        assertThat(lines.get(4).get("raw").isNull()).isTrue();
        assertThat(lines.get(4).get("key").isNull()).isTrue();
        assertThat(lines.get(5).get("headers").get("update-type").asString()).startsWith("base64:");
        assertThat(lines.get(6).get("update").get("message").get("text").asString()).isEqualTo("line\nbreak");
    }

    @Test
    void parquetReadsBackWithTheSameCountAndFields(@TempDir Path dir) throws Exception {
        Updates.Builder text = Updates.text("Хлеб, привет").inGroup(-700L).from(TestUsers.CAROL).messageId(77);
        Updates.Builder photo = Updates.photo("file-1", "uniq-1").caption("a photo").inGroup(-700L);
        topic.send(text, T0.toEpochMilli());
        topic.send(photo, T0.toEpochMilli() + 1);
        topic.sendRaw(0, "x", "garbage".getBytes(StandardCharsets.UTF_8), T0.toEpochMilli() + 2, List.of());
        Path file = dir.resolve("slice.parquet");

        Tool.Run run = Tool.succeed("export", "--topic", topic.name, "--format", "parquet", "--out", file.toString());

        assertThat(run.err()).contains("exported 3 records");
        List<ParquetRows.Row> rows = ParquetRows.read(file);
        assertThat(rows).hasSize(3);
        ParquetRows.Row first = rows.stream().filter(row -> Long.valueOf(text.id()).equals(row.updateId()))
                .findFirst().orElseThrow();
        assertThat(first.topic()).isEqualTo(topic.name);
        assertThat(first.timestamp()).isEqualTo(T0.toEpochMilli());
        assertThat(first.updateType()).isEqualTo("message");
        assertThat(first.chatId()).isEqualTo(-700L);
        assertThat(first.userId()).isEqualTo(TestUsers.CAROL.id());
        assertThat(first.messageId()).isEqualTo(77L);
        assertThat(first.date()).isEqualTo(Json.mapper().readTree(text.json()).at("/message/date").asLong() * 1000);
        assertThat(first.text()).isEqualTo("Хлеб, привет");
        assertThat(Json.mapper().readTree(first.rawJson())).isEqualTo(Json.mapper().readTree(text.json()));
        ParquetRows.Row caption = rows.stream().filter(row -> Long.valueOf(photo.id()).equals(row.updateId()))
                .findFirst().orElseThrow();
        assertThat(caption.text()).isEqualTo("a photo");
        ParquetRows.Row garbage = rows.stream().filter(row -> row.updateId() == null).findFirst().orElseThrow();
        assertThat(garbage.rawJson()).isEqualTo("garbage");
        assertThat(garbage.chatId()).isNull();
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void parquetNeedsAnOutputFile() {
        send(-800L, T0);

        Tool.Run run = Tool.run("export", "--topic", topic.name, "--format", "parquet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void jsonLinesGoToAFileWhenAsked(@TempDir Path dir) throws Exception {
        long id = send(-900L, T0);
        Path file = dir.resolve("out/slice.jsonl");

        Tool.Run run = Tool.succeed("export", "--topic", topic.name, "--out", file.toString());

        assertThat(run.out()).isEmpty();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        assertThat(Json.mapper().readTree(lines.get(0)).at("/update/update_id").asLong()).isEqualTo(id);
    }

    @Test
    void limitStopsAfterThatManyRecords() {
        for (int i = 0; i < 20; i++) {
            send(-1000L, T0.plusMillis(i));
        }

        assertThat(Tool.succeed("export", "--topic", topic.name, "--limit", "5").lines()).hasSize(5);
    }

    @Test
    void exportEndsAtTheEndItSawAtStartWhileTheTopicKeepsGrowing() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            topic.sendAsync(Updates.text("before").inGroup(-1100L).bytes(), "-1100", T0.toEpochMilli(), List.of());
        }
        topic.flush();
        Thread writer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    topic.sendAsync(Updates.text("during").inGroup(-1100L).bytes(), "-1100", T0.toEpochMilli(),
                            List.of());
                    Thread.sleep(1);
                }
            } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                // the test is over
            }
        });
        writer.start();
        try {
            Tool.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Tool.succeed("export", "--topic", topic.name));
            assertThat(run.lines().size()).isGreaterThanOrEqualTo(2_000);
        } finally {
            writer.interrupt();
            writer.join();
        }
    }

    @Test
    void missingTopicIsReportedInOneLine() {
        Tool.Run run = Tool.run("export", "--topic", "no.such.topic", "--stall-timeout", "PT5S",
                "-X", "default.api.timeout.ms=5000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no.such.topic").doesNotContain("\tat ");
    }

    @Test
    void groupIdIsRefused() {
        Tool.Run run = Tool.run("export", "--topic", topic.name, "-X", "group.id=bread-bot-processor");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("group.id is not allowed");
    }

    private long send(long chatId, Instant timestamp) {
        Updates.Builder update = Updates.text("Хлеб " + timestamp).inGroup(chatId);
        topic.send(update, timestamp.toEpochMilli());
        return update.id();
    }

    private static List<Long> updateIds(Tool.Run run) {
        return run.lines().stream()
                .map(line -> Json.mapper().readTree(line).at("/update/update_id").asLong())
                .toList();
    }
}

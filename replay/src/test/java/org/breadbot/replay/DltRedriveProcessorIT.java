package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.processor.ProcessorApplication;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A dead letter re-driven with the tool is applied by the real processor, once, however often it is re-driven. */
class DltRedriveProcessorIT {

    private static final long GROUP = -1_000_004_242L;

    private TestDatabase database;
    private ConfigurableApplicationContext processor;

    @BeforeEach
    void startProcessor() {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        database = TestPostgres.newDatabase();
        List<String> args = new ArrayList<>();
        database.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers());
        args.add("--server.port=0");
        processor = new SpringApplicationBuilder(ProcessorApplication.class).run(args.toArray(String[]::new));
    }

    @AfterEach
    void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void aRedrivenDeadLetterIsAppliedOnceEvenWhenRedrivenTwice() throws Exception {
        Updates.Builder teach = Updates.text("Хлеб добавь триггер сушка=с чаем").inGroup(GROUP);
        try (UpdateTopic updates = UpdateTopic.existing(Topics.UPDATES)) {
            updates.send(teach, System.currentTimeMillis());
        }
        awaitReplies(teach.id(), 1);
        Updates.Builder failed = Updates.text("Сушка").inGroup(GROUP);
        int partition = deadLetter(failed);

        Tool.succeed("dlt", "redrive", "--offset", partition + ":0");

        assertThat(awaitReplies(failed.id(), 1)).singleElement()
                .satisfies(reply -> assertThat(reply.text()).isEqualTo("с чаем"));

        Tool.succeed("dlt", "redrive", "--offset", partition + ":0");
        awaitProcessorCaughtUp();

        assertThat(replies(failed.id())).hasSize(1);
        assertThat(database.query("SELECT count(*) AS n FROM processed_updates WHERE update_id = ?", failed.id())
                .get(0).get("n")).isEqualTo(1L);
    }

    /** Puts the update in the DLT as the processor's error policy would have; returns its partition. */
    private static int deadLetter(Updates.Builder update) {
        int partition = 1;
        List<Header> headers = List.of(
                UpdateTopic.header(Headers.UPDATE_ID, Long.toString(update.id())),
                UpdateTopic.header(Headers.UPDATE_TYPE, "message"),
                UpdateTopic.header(Headers.CHAT_ID, Long.toString(GROUP)),
                new RecordHeader("kafka_dlt-original-topic", Topics.UPDATES.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(partition).array()),
                new RecordHeader("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(99L).array()),
                UpdateTopic.header(Headers.ERROR_CLASS, "org.springframework.dao.DataAccessResourceFailureException"),
                UpdateTopic.header(Headers.ERROR_MESSAGE, "database was down"));
        try (UpdateTopic dlt = UpdateTopic.existing(Topics.UPDATES_DLT)) {
            dlt.sendRaw(partition, Long.toString(GROUP), update.bytes(), System.currentTimeMillis(), headers);
        }
        return partition;
    }

    private static List<ReplyCommand> awaitReplies(long updateId, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> replies(updateId), replies -> replies.size() >= count);
    }

    private static List<ReplyCommand> replies(long updateId) {
        return TestKafka.consume(Topics.REPLIES, 0, Duration.ofSeconds(2)).stream()
                .map(record -> Json.mapper().readValue(record.value(), ReplyCommand.class))
                .filter(reply -> reply.updateId() == updateId)
                .toList();
    }

    /** Waits until the processor committed every record of telegram.updates. */
    private static void awaitProcessorCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("bread-bot-processor").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < 3; p++) {
                    latest.put(new TopicPartition(Topics.UPDATES, p), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
                });
            });
        }
    }
}

package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.processor.pipeline.KafkaRecords.awaitReplies;
import static org.breadbot.processor.pipeline.KafkaRecords.reply;
import static org.breadbot.processor.pipeline.KafkaRecords.sendUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping a processor (SIGTERM, a rolling restart) loses nothing and leaves nothing for later. */
class GracefulShutdownIT {

    /** {@code spring.lifecycle.timeout-per-shutdown-phase} of bread-bot-common.yml. */
    private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(30);

    @Test
    void stoppingFinishesTheUpdateInFlightCommitsItsOffsetAndFlushesTheOutbox() throws Exception {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        TestDatabase database = TestPostgres.newDatabase();
        database.update(EchoHandler.EFFECTS_TABLE);
        long chat = UpdatePipelineIT.newChat();
        long other = UpdatePipelineIT.newChat();
        long slow = UpdatePipelineIT.nextUpdateId();
        ConfigurableApplicationContext processor = PipelineTestApplication.start(database, Map.of(
                // the relay would not touch the planted row on its own before the test ends
                "bread-bot.processor.outbox.relay-min-age", "1h"));
        try {
            sendUpdate(chat, Updates.text("warm-up").inGroup(chat).from(TestUsers.ALICE)
                    .id(UpdatePipelineIT.nextUpdateId()).json());
            awaitReplies(chat, 1);
            String planted = plantOutboxRow(database, other);
            RecordMetadata inFlight = sendUpdate(chat, Updates.text("slow:3000").inGroup(chat).from(TestUsers.ALICE)
                    .id(slow).json());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> processor.getBean(EchoHandler.class).attempts(slow) == 1);

            long started = System.nanoTime();
            processor.close();
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);

            assertThat(stopping).isLessThan(SHUTDOWN_PHASE).isGreaterThan(Duration.ofSeconds(1));
            assertThat(count(database, "SELECT count(*) AS n FROM processed_updates WHERE update_id = ?", slow))
                    .isEqualTo(1);
            assertThat(count(database, "SELECT count(*) AS n FROM echo_effects WHERE update_id = ?", slow))
                    .isEqualTo(1);
            assertThat(count(database, "SELECT count(*) AS n FROM outbox", new Object[0])).isZero();
            assertThat(awaitReplies(chat, 2).stream().map(record -> reply(record).id()))
                    .contains(ReplyCommand.idFor(chat, slow, 0));
            assertThat(awaitReplies(other, 1).stream().map(record -> reply(record).id())).containsExactly(planted);
            assertThat(committed(new TopicPartition(Topics.UPDATES, inFlight.partition())))
                    .isGreaterThan(inFlight.offset());
        } finally {
            processor.close();
        }
    }

    /** A reply some earlier run committed but never published, too young for the relay. */
    private static String plantOutboxRow(TestDatabase database, long chat) {
        long update = UpdatePipelineIT.nextUpdateId();
        ReplyCommand reply = ReplyCommand.text(ReplyCommand.idFor(chat, update, 0), chat, "left behind", null,
                update, Instant.now());
        database.update("INSERT INTO outbox (reply_id, chat_id, update_id, payload) VALUES (?, ?, ?, CAST(? AS jsonb))",
                reply.id(), chat, update, Json.mapper().writeValueAsString(reply));
        return reply.id();
    }

    private static long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(PipelineConfiguration.GROUP_ID)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private static long count(TestDatabase database, String sql, Object... args) {
        return ((Number) database.query(sql, args).get(0).get("n")).longValue();
    }
}

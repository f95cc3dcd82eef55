package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.processor.pipeline.KafkaRecords.awaitReplies;
import static org.breadbot.processor.pipeline.KafkaRecords.reply;
import static org.breadbot.processor.pipeline.KafkaRecords.sendUpdate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A processor that dies between its commit and Kafka's ack, and the one that takes over. */
class CrashRecoveryIT {

    @Test
    void repliesCommittedBeforeACrashArePublishedOnceAfterTheRestartAndChatOrderHolds() throws IOException {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        TestDatabase database = TestPostgres.newDatabase();
        database.update(EchoHandler.EFFECTS_TABLE);
        long chat = UpdatePipelineIT.newChat();
        long first = UpdatePipelineIT.nextUpdateId();
        long second = UpdatePipelineIT.nextUpdateId();

        // its producer cannot reach Kafka: every publish after the commit fails
        try (ConfigurableApplicationContext crashing = PipelineTestApplication.start(database, Map.of(
                "spring.kafka.producer.bootstrap-servers", "127.0.0.1:" + closedPort(),
                "spring.kafka.producer.properties.max.block.ms", 500,
                "bread-bot.processor.outbox.publish-timeout", "2s"))) {
            sendUpdate(chat, Updates.text("two:before the crash").inGroup(chat).from(TestUsers.ALICE).id(first)
                    .json());

            await().atMost(Duration.ofSeconds(60)).until(() -> count(database,
                    "SELECT count(*) AS n FROM outbox WHERE chat_id = ?", chat) == 2);
            assertThat(count(database, "SELECT count(*) AS n FROM processed_updates WHERE update_id = ?", first))
                    .isEqualTo(1);
            assertThat(crashing.getBean(EchoHandler.class).attempts(first)).isEqualTo(1);
        }

        // the successor speaks the classic protocol: the group converts once the crashed consumers are gone
        try (ConfigurableApplicationContext restarted = PipelineTestApplication.start(database, Map.of(
                "bread-bot.processor.group-protocol", "classic"))) {
            sendUpdate(chat, Updates.text("after the restart").inGroup(chat).from(TestUsers.ALICE).id(second)
                    .json());

            awaitReplies(chat, 3);
            assertThat(KafkaRecords.readAll(Topics.REPLIES, record -> Long.toString(chat).equals(record.key()))
                    .stream().map(record -> reply(record).id()))
                    .containsExactly(ReplyCommand.idFor(chat, first, 0), ReplyCommand.idFor(chat, first, 1),
                            ReplyCommand.idFor(chat, second, 0));
            assertThat(restarted.getBean(EchoHandler.class).attempts(first)).isZero();
            assertThat(count(database, "SELECT count(*) AS n FROM echo_effects WHERE update_id = ?", first))
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> count(database,
                    "SELECT count(*) AS n FROM outbox WHERE chat_id = ?", chat) == 0);
        }
    }

    private static long count(TestDatabase database, String sql, Object... args) {
        return ((Number) database.query(sql, args).get(0).get("n")).longValue();
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.breadbot.common.kafka.PartitionLeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** common's PartitionLeaders against the broker (common cannot depend on test-support, which depends on it). */
@BreadBotInfrastructure
class PartitionLeadersIT {

    private Admin admin;

    @BeforeEach
    void connect(KafkaBroker kafka) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void returnsOnceEveryPartitionOfJustCreatedTopicsHasALeaderThatAnswers() throws Exception {
        String first = "test.leaders." + UUID.randomUUID();
        String second = "test.leaders." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(first, 6, (short) 1), new NewTopic(second, 2, (short) 1))).all().get();

        PartitionLeaders.await(admin, List.of(first, second), Duration.ofSeconds(60));

        Map<String, TopicDescription> described = admin.describeTopics(List.of(first, second)).allTopicNames().get();
        assertThat(described.get(first).partitions()).hasSize(6);
        assertThat(described.get(second).partitions()).hasSize(2);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        described.forEach((topic, description) -> {
            for (TopicPartitionInfo partition : description.partitions()) {
                assertThat(partition.leader()).as("leader of %s-%d", topic, partition.partition()).isNotNull();
                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            }
        });
        // answered by each partition's leader at once: no retry needed any more
        assertThat(admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(10_000)).all().get())
                .hasSize(8);
    }

    @Test
    void aTopicThatDoesNotExistTimesOutNamingIt() {
        String missing = "test.missing." + UUID.randomUUID();

        long started = System.nanoTime();
        assertThatThrownBy(() -> PartitionLeaders.await(admin, List.of(missing), Duration.ofSeconds(1)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("[" + missing + "]")
                .hasMessageContaining("PT1S");
        // not before the timeout (less its rounding to milliseconds); no upper bound: a loaded machine is slower
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aTopicNameTheBrokerRejectsFailsAtOnceNamingIt() {
        String invalid = "test/not a topic name";

        assertThatThrownBy(() -> PartitionLeaders.await(admin, List.of(invalid), Duration.ofSeconds(60)))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("topic " + invalid)
                .hasCauseInstanceOf(InvalidTopicException.class);
    }
}

package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool reads beside the processor: it must never create, join or move a consumer group. */
class ConsumerGroupIT {

    private static final String PROCESSOR_GROUP = "bread-bot-processor";

    private UpdateTopic topic;
    private Admin admin;

    @BeforeEach
    void processorHasCommittedHalfOfTheTopic() {
        topic = UpdateTopic.create("groups", 3);
        TestKafka.createTopics(3, topic.name + ".dlt");
        for (int i = 0; i < 30; i++) {
            topic.send(Updates.text("Хлеб " + i).inGroup(-1L - i % 5), Instant.now().toEpochMilli());
        }
        commitAsTheProcessor(15);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
        topic.close();
    }

    @Test
    void exportStatsAndDltListLeaveEveryConsumerGroupAsItWas(@TempDir Path dir) throws Exception {
        Set<String> groupsBefore = groups();
        Map<TopicPartition, OffsetAndMetadata> offsetsBefore = processorOffsets();
        assertThat(offsetsBefore).isNotEmpty();

        Tool.succeed("export", "--topic", topic.name);
        Tool.succeed("export", "--topic", topic.name, "--format", "parquet", "--out", dir.resolve("x.parquet")
                .toString());
        Tool.succeed("stats", "--topic", topic.name);
        Tool.succeed("dlt", "list", "--topic", topic.name);

        assertThat(groups()).isEqualTo(groupsBefore);
        assertThat(processorOffsets()).isEqualTo(offsetsBefore);
    }

    private Set<String> groups() throws Exception {
        Collection<GroupListing> listings = admin.listGroups().all().get();
        return listings.stream().map(GroupListing::groupId).collect(Collectors.toCollection(TreeSet::new));
    }

    private Map<TopicPartition, OffsetAndMetadata> processorOffsets() throws Exception {
        return admin.listConsumerGroupOffsets(PROCESSOR_GROUP).partitionsToOffsetAndMetadata().get().entrySet()
                .stream().filter(entry -> entry.getKey().topic().equals(topic.name))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Commits offsets under the processor's group id, as a running processor would have. */
    private void commitAsTheProcessor(int records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, PROCESSOR_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic.name));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync();
        }
    }
}

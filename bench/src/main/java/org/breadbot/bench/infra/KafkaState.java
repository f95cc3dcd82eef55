package org.breadbot.bench.infra;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.breadbot.common.kafka.PartitionLeaders;

/**
 * What the bench does to the broker between scenarios: removes every topic and consumer group so each scenario
 * starts from nothing, creates topics, and reads a group's lag.
 */
public final class KafkaState implements AutoCloseable {

    private final Admin admin;

    public KafkaState(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Deletes all non-internal topics and all consumer groups, and waits until the topics are gone. */
    public void reset() {
        Set<String> groups = get(admin.listGroups().all()).stream().map(GroupListing::groupId)
                .collect(Collectors.toSet());
        if (!groups.isEmpty()) {
            get(admin.deleteConsumerGroups(groups).all());
        }
        Set<String> topics = get(admin.listTopics().names());
        if (!topics.isEmpty()) {
            get(admin.deleteTopics(topics).all());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!get(admin.listTopics().names()).isEmpty() && System.nanoTime() < deadline) {
            Sleep.millis(200);
        }
    }

    /**
     * Creates a topic with {@code partitions} partitions and replication factor 1, unless it exists, and waits
     * until every partition has a leader.
     */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            // describeTopics shows a leader before the broker hosts the partition (KAFKA-14359): an idempotent
            // producer writing then loses its first batch; a ListOffsets answer comes only from the hosting leader
            PartitionLeaders.await(admin, List.of(name), Duration.ofMinutes(1));
        } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
            throw new IllegalStateException("no leaders for topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records in the topic (sum of end offsets; the topics are fresh, so they start at 0). */
    public long endOffsets(String topic, int partitions) {
        return endOffsetsByPartition(topic, partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Offsets {@code group} has committed on {@code topic}, summed. */
    public long committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }

    private Map<TopicPartition, Long> endOffsetsByPartition(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

package org.breadbot.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.breadbot.common.kafka.Topics;

/**
 * The broker's ceiling for the processor: one consumer of a group of its own that only reads the preloaded
 * {@code telegram.updates} (read_committed, as the processor reads) and does nothing with the records.
 */
final class ReadOnlyConsumer {

    private ReadOnlyConsumer() {
    }

    /** Records per second from the first record polled to the last of {@code expected}. */
    static double drain(String bootstrapServers, long expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-read-only",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.UPDATES));
            long read = 0;
            long first = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                read += records.count();
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            return first == 0 ? 0 : read / seconds;
        }
    }
}

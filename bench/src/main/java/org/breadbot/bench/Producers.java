package org.breadbot.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.breadbot.bench.infra.Sleep;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka producers with ingress's guarantees (acks=all, idempotence, lz4, no linger), and bulk writing. */
final class Producers {

    private Producers() {
    }

    static KafkaProducer<String, byte[]> ingressLike(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        return new KafkaProducer<>(config);
    }

    /**
     * Waits until the producer knows a leader for every partition of {@code topic}. An idempotent producer that
     * starts sending into a topic created a moment ago may get NOT_LEADER answers and, retrying with many batches
     * in flight, end in an endless OUT_OF_ORDER_SEQUENCE_NUMBER loop against the embedded broker.
     */
    static void awaitLeaders(KafkaProducer<String, byte[]> producer, String topic) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            if (!partitions.isEmpty() && partitions.stream().allMatch(partition -> partition.leader() != null
                    && !partition.leader().isEmpty())) {
                return;
            }
            Sleep.millis(100);
        }
        throw new IllegalStateException("no leaders for " + topic + " within a minute");
    }

    /** Writes all records (batched, as fast as the broker takes them) and waits for every ack. */
    static void writeAll(String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = ingressLike(bootstrapServers)) {
            if (!records.isEmpty()) {
                awaitLeaders(producer, records.get(0).topic());
            }
            Future<RecordMetadata> last = null;
            for (ProducerRecord<String, byte[]> record : records) {
                last = producer.send(record);
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("preloading failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

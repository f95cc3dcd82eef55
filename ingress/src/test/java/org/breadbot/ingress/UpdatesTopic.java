package org.breadbot.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.TestKafka;

/**
 * Reads {@code telegram.updates} from the beginning to find the records of given updates. The topic is shared by
 * every test of the JVM, so records are picked by their {@code update-id} header.
 */
public final class UpdatesTopic {

    private UpdatesTopic() {
    }

    /** The records of {@code updateId}, once at least {@code count} of them are there. */
    public static List<ConsumerRecord<String, byte[]>> await(long updateId, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = readUntil(
                records -> ofUpdate(records, updateId).size() >= count, timeout);
        List<ConsumerRecord<String, byte[]>> matching = ofUpdate(found, updateId);
        if (matching.size() < count) {
            throw new AssertionError("expected " + count + " record(s) of update " + updateId + " within " + timeout
                    + " but found " + matching.size());
        }
        return matching;
    }

    /**
     * The records of {@code updateId} that precede {@code markerId} of the same chat. Records of one chat share a
     * partition, so once the later marker is read nothing earlier can still be missing.
     */
    public static List<ConsumerRecord<String, byte[]>> before(long markerId, long updateId, Duration timeout) {
        await(markerId, 1, timeout);
        return ofUpdate(readUntil(records -> !ofUpdate(records, markerId).isEmpty(), timeout), updateId);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> ofUpdate(List<ConsumerRecord<String, byte[]>> records,
            long updateId) {
        String id = Long.toString(updateId);
        return records.stream().filter(record -> id.equals(header(record, Headers.UPDATE_ID))).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.UPDATES, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}

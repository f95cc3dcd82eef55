package org.breadbot.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The test JVM's Kafka broker as a value, resolved by {@link BreadBotExtension}; the same broker as
 * {@link TestKafka}, whose helpers it forwards to.
 *
 * @param bootstrapServers {@code host:port}, stable for the whole JVM
 */
public record KafkaBroker(String bootstrapServers) {

    /** {@code spring.kafka.bootstrap-servers} pointing an application at this broker. */
    public Map<String, Object> springProperties() {
        return Map.of("spring.kafka.bootstrap-servers", bootstrapServers);
    }

    /** See {@link TestKafka#createTopics(int, String...)}. */
    public void createTopics(int partitions, String... topics) {
        TestKafka.createTopics(partitions, topics);
    }

    /** See {@link TestKafka#consume(String, int, Duration)}. */
    public List<ConsumerRecord<String, byte[]>> consume(String topic, int atLeast, Duration timeout) {
        return TestKafka.consume(topic, atLeast, timeout);
    }
}

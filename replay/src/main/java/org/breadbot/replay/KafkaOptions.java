package org.breadbot.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.breadbot.common.kafka.Topics;
import picocli.CommandLine.Option;

/**
 * Where the topic is and how to reach it. The consumer this builds has no {@code group.id}: it is assigned
 * partitions and seeks them itself, so it never joins, rebalances or commits to any consumer group, and a
 * principal with Describe and Read on the topics is all it needs.
 */
final class KafkaOptions {

    /** Settings that would make the consumer join a group or commit; refused from the user. */
    private static final Set<String> GROUP_SETTINGS = Set.of(
            ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers (default: env KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.UPDATES,
            description = "The update topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Client properties file (security.protocol, sasl.*, ssl.*) for a secured cluster.")
    Path configFile;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "One more client property; repeatable; wins over --kafka-config.")
    Map<String, String> properties = new HashMap<>();

    @Option(names = "--stall-timeout", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "Give up when the broker sends nothing for this long (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration stallTimeout;

    /** Settings of a read-only, group-less consumer of raw bytes. */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(userConfig());
        for (String setting : GROUP_SETTINGS) {
            if (config.containsKey(setting)) {
                throw new ToolException(setting + " is not allowed: this tool never joins or commits to a "
                        + "consumer group");
            }
        }
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // only used when retention deletes the segment we seeked into while we read it
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "bread-bot-replay");
        // an import is one transaction: an aborted one must not be read, nor one still under way
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return config;
    }

    /** Settings of a producer that waits for every in-sync replica and never duplicates on retry. */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(userConfig());
        GROUP_SETTINGS.forEach(config::remove);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "bread-bot-replay-redrive");
        return config;
    }

    /** Settings of an admin client (creating the import topic). */
    Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(userConfig());
        GROUP_SETTINGS.forEach(config::remove);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "bread-bot-replay-admin");
        return config;
    }

    private Map<String, Object> userConfig() {
        Map<String, Object> config = new HashMap<>();
        if (configFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new ToolException("cannot read --kafka-config " + configFile + ": " + e.getMessage(), e);
            }
            file.stringPropertyNames().forEach(name -> config.put(name, file.getProperty(name)));
        }
        config.putAll(properties);
        return config;
    }
}

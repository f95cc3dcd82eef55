package org.breadbot.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.PartitionLeaders;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker per test JVM, started on first use and stopped by a shutdown hook: the embedded KRaft broker, or
 * an {@code apache/kafka} container when a Docker engine is available (rules in the package documentation). Its
 * data survives {@link #stop()}/{@link #start()}, which outage tests use. New topics get 3 partitions unless created
 * with {@link #createTopics}; topics are not auto-created.
 */
public final class TestKafka {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private TestKafka() {
    }

    /** {@code host:port} ({@code 127.0.0.1:<port>} when embedded), stable for the whole JVM (also while stopped). */
    public static String bootstrapServers() {
        return Holder.BACKEND.bootstrapServers();
    }

    /**
     * Creates the topics with the given partition count and replication factor 1; existing ones are left alone.
     * Returns once the broker leads every partition of them, so a write right after it is accepted.
     */
    public static void createTopics(int partitions, String... topics) {
        List<NewTopic> requested = Stream.of(topics).map(topic -> new NewTopic(topic, partitions, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()))) {
            for (var result : admin.createTopics(requested).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics " + List.of(topics), e.getCause());
                    }
                }
            }
            // a write right after createTopics may otherwise be lost (see PartitionLeaders)
            PartitionLeaders.await(admin, List.of(topics), ADMIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Takes the broker down (clients see it unreachable); {@link #start()} brings it back. */
    public static void stop() {
        Holder.BACKEND.stop();
    }

    /** Brings the broker back on the same port with the same data; a no-op when it is running. */
    public static void start() {
        Holder.BACKEND.start();
    }

    /** True while the broker is up. */
    public static boolean isRunning() {
        return Holder.BACKEND.isRunning();
    }

    /**
     * The underlying embedded broker.
     *
     * @throws IllegalStateException when Kafka runs in a container (see the package documentation)
     */
    public static KraftBroker broker() {
        return Holder.BACKEND.embedded();
    }

    /** Writes one record with this exact key and value (null allowed) and waits for the broker's acknowledgement. */
    public static void produce(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code topic} from the beginning of every partition until at least {@code atLeast} records arrived and
     * returns all records read, in per-partition order ({@code atLeast} 0 reads for the whole timeout, for asserting
     * that nothing arrived). Uses no consumer group, so nothing is committed and every
     * call sees the whole topic; only committed records of transactions are returned ({@code read_committed}).
     *
     * @throws AssertionError when fewer records arrived within the timeout
     */
    public static List<ConsumerRecord<String, byte[]>> consume(String topic, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions = Set.of();
            while (System.nanoTime() < deadline && (atLeast == 0 || records.size() < atLeast)) {
                if (!partitions.isEmpty()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                    continue;
                }
                partitions = partitionsOf(consumer, topic);
                if (partitions.isEmpty()) {
                    sleep(Duration.ofMillis(100));
                } else {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
            }
        }
        if (records.size() < atLeast) {
            throw new AssertionError("expected at least " + atLeast + " record(s) in " + topic + " within " + timeout
                    + " but got " + records.size());
        }
        return records;
    }

    private static Set<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
            return infos.stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        } catch (org.apache.kafka.common.errors.TimeoutException notThereYet) {
            return Set.of();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while consuming", e);
        }
    }

    /** Lazy, thread-safe start of the one broker (class initialisation runs once). */
    private static final class Holder {
        static final KafkaBackend BACKEND = start();

        private static KafkaBackend start() {
            KafkaBackend backend = KafkaBackend.launch(BackendSelection.fromSystem().kafka());
            LoggerFactory.getLogger(TestKafka.class).info("TestKafka: {} (-D{}, -D{} choose)", backend,
                    BackendSelection.KAFKA, BackendSelection.DOCKER);
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "test-kafka-stop"));
            return backend;
        }
    }
}

package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@BreadBotInfrastructure
class KafkaFixtureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String newTopic(int partitions) {
        String topic = "test." + UUID.randomUUID();
        TestKafka.createTopics(partitions, topic);
        return topic;
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void recordsSurviveAStopAndStartOnTheSamePort() throws Exception {
        String topic = newTopic(1);
        send(topic, "-100", "до остановки");
        String before = TestKafka.bootstrapServers();

        TestKafka.stop();
        assertThat(TestKafka.isRunning()).isFalse();
        TestKafka.start();

        assertThat(TestKafka.bootstrapServers()).isEqualTo(before);
        send(topic, "-100", "после запуска");
        List<ConsumerRecord<String, byte[]>> records = TestKafka.consume(topic, 2, WAIT);
        assertThat(values(records)).containsExactly("до остановки", "после запуска");
        assertThat(records.get(0).key()).isEqualTo("-100");
    }

    @Test
    void consumerGroupProtocolWorks(KafkaBroker kafka) throws Exception {
        String topic = newTopic(3);
        for (int i = 0; i < 6; i++) {
            send(topic, Integer.toString(i), "r" + i);
        }
        String group = "group-" + UUID.randomUUID();
        List<String> received = new ArrayList<>();

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received.size() < 6 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
            }
            consumer.commitSync();
        }

        assertThat(received).containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4", "r5");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeConsumerGroups(List.of(group)).all().get().get(group).type())
                    .isEqualTo(GroupType.CONSUMER);
        }
    }

    @Test
    void transactionsCommitAndAbortedRecordsAreNotConsumed() throws Exception {
        String topic = newTopic(1);
        try (KafkaProducer<String, byte[]> producer = producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted".getBytes(StandardCharsets.UTF_8)));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed".getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
        }

        assertThat(values(TestKafka.consume(topic, 1, WAIT))).containsExactly("committed");
    }

    @Test
    void createTopicsIsIdempotent(KafkaBroker kafka) throws Exception {
        String topic = "test.idempotent." + UUID.randomUUID();

        kafka.createTopics(2, topic);
        kafka.createTopics(5, topic);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(2);
        }
    }

    @Test
    void consumeFailsWhenTooFewRecordsArrive() throws Exception {
        String topic = newTopic(1);
        send(topic, "k", "only one");

        assertThatThrownBy(() -> TestKafka.consume(topic, 2, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 2")
                .hasMessageContaining("got 1");
        assertThat(TestKafka.consume(topic, 0, Duration.ofSeconds(1))).hasSize(1);
    }
}

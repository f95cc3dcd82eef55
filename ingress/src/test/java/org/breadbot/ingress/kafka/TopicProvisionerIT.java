package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.TopicProvisioner;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.kafka.TopicsProperties;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Start-up never changes an existing topic (docs/operations.md, "Deploy"): a different partition count, replication
 * factor or retention is only warned about, naming both values. Topics it creates can be written to as soon as it
 * returns, even by an idempotent producer with several requests in flight (docs/reliability.md).
 */
@ExtendWith(OutputCaptureExtension.class)
class TopicProvisionerIT {

    @Test
    void anExistingTopicThatDiffersFromTheConfigurationIsLeftAsItIsWithAWarning(CapturedOutput output)
            throws Exception {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        TopicsProperties wanted = new TopicsProperties(5, (short) 2, Duration.ofDays(1), Duration.ofDays(7), true);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            new TopicProvisioner(wanted).provision(admin, List.of(Topics.UPDATES), Duration.ofSeconds(30));

            assertThat(admin.describeTopics(List.of(Topics.UPDATES)).allTopicNames().get().get(Topics.UPDATES)
                    .partitions()).hasSize(3);
        }
        assertThat(output.getOut())
                .contains("Topic telegram.updates has 3 partitions but 5 are configured; leaving it unchanged")
                .contains("Topic telegram.updates has replication factor 1 but 2 is configured; leaving it unchanged")
                .contains("Topic telegram.updates keeps records for retention.ms=")
                .contains("but 86400000 is configured; leaving it unchanged");
    }

    /**
     * On a brand-new cluster, writes pipelined right after provisioning: a first batch refused because the broker did
     * not lead its partition yet would be overtaken by the next and then never stored (KAFKA-14359).
     */
    @Test
    void writesRightAfterCreatingTopicsOnANewClusterAreAllStored() throws Exception {
        int partitions = 6;
        int perPartition = 200;
        TopicsProperties wanted = new TopicsProperties(partitions, (short) 1, Duration.ofDays(1), Duration.ofDays(1),
                true);
        TopicProvisioner provisioner = new TopicProvisioner(wanted);
        List<String> topics = provisioner.declarations().stream().map(NewTopic::name).toList();
        try (KraftBroker broker = KraftBroker.builder().build().start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers()))) {
            provisioner.provision(admin, List.of(), Duration.ofSeconds(30));

            List<Future<RecordMetadata>> sent = new ArrayList<>();
            try (KafkaProducer<String, String> producer = pipeliningProducer(broker)) {
                for (int i = 0; i < perPartition; i++) {
                    for (String topic : topics) {
                        for (int partition = 0; partition < partitions; partition++) {
                            sent.add(producer.send(new ProducerRecord<>(topic, partition, "chat-" + partition,
                                    "update " + i)));
                        }
                    }
                }
                producer.flush();
            }
            for (Future<RecordMetadata> send : sent) {
                assertThat(send).as("every write is acknowledged").succeedsWithin(Duration.ZERO);
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.forEach(topic -> IntStream.range(0, partitions).forEach(partition ->
                    latest.put(new TopicPartition(topic, partition), OffsetSpec.latest())));
            admin.listOffsets(latest).all().get().forEach((partition, end) ->
                    assertThat(end.offset()).as("records stored in %s", partition).isEqualTo(perPartition));
        }
    }

    /** As the services' producers: idempotent, acks=all, 5 requests in flight, one record a batch. */
    private static KafkaProducer<String, String> pipeliningProducer(KraftBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.BATCH_SIZE_CONFIG, 1,
                // a lost batch is retried until this ends; short, so the failure shows quickly
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }
}

package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.breadbot.common.kafka.TopicProvisioner;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.kafka.TopicsProperties;
import org.breadbot.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Start-up never changes an existing topic (docs/operations.md, "Deploy"): a different partition count, replication
 * factor or retention is only warned about, naming both values.
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
}

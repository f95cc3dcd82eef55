package org.breadbot.standalone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.breadbot.common.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.breadbot.testsupport.embedded.KraftBroker;

/**
 * Three brokers, as operators run Kafka (exactly-once issue, item 7): the fault rig on an in-JVM three-node KRaft
 * cluster, every topic with replication factor 3 and {@code min.insync.replicas} 2. While the steady load runs,
 * the leader of a partition of {@code telegram.updates} is stopped for the outage and started again. Ingress may
 * answer 503 while leadership moves (Telegram then posts the update again); nothing acknowledged is lost, nothing
 * is applied or sent twice, and every chat keeps its order.
 */
class ThreeBrokersIT {

    private static final Path SUMMARY = Path.of("target", "fault-summary.txt");

    @Test
    void stoppingThePartitionLeaderMidStreamLosesAndDoublesNothing() throws Exception {
        FaultPlan plan = FaultPlan.shortPlan();
        try (FaultRig rig = FaultRig.startOnThreeBrokers(plan, "faults-cluster")) {
            FaultReport report = FaultSuiteIT.measure(rig, plan, "updates-leader-stop", false, unanswered -> {
                KraftBroker leader = rig.cluster.node(rig.cluster.leaderOf(Topics.UPDATES, 0));
                leader.stop();
                ServiceProcess.sleep(plan.outage());
                leader.start();
            });
            String line = report.summaryLine();
            System.out.println(line);
            Files.writeString(SUMMARY, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);

            assertThat(report.problems()).as(line).isEmpty();
            assertThat(report.clean()).as(line).isTrue();
            assertThat(report.acked()).as(line).isEqualTo(plan.chats() * plan.updatesPerChat());
        }
    }
}

package org.breadbot.standalone.faults;

import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.junit.jupiter.api.Test;

/**
 * Three brokers, as operators run Kafka (exactly-once issue, item 7): the fault rig on an in-JVM three-node KRaft
 * cluster, every topic with replication factor 3 and {@code min.insync.replicas} 2. While the steady load runs,
 * the leader of a partition of {@code telegram.updates} is stopped for the outage and started again. Ingress may
 * answer 503 while leadership moves (Telegram then posts the update again); nothing acknowledged is lost, nothing
 * is applied or sent twice, and every chat keeps its order.
 */
class ThreeBrokersIT {

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
            FaultSuiteIT.recordAndCheck(report, plan);
        }
    }
}

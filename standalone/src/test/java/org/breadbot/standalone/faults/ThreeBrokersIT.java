package org.breadbot.standalone.faults;

import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three brokers, as operators run Kafka (exactly-once issue, item 7): the fault rig on an in-JVM three-node KRaft
 * cluster, every topic with replication factor 3 and {@code min.insync.replicas} 2. Nothing acknowledged is lost,
 * nothing is applied or sent twice, and every chat keeps its order, while
 * <ul>
 *   <li>the leader of a partition of {@code telegram.updates} is stopped for the outage and started again (ingress
 *       may answer 503 while leadership moves; Telegram then posts the update again);</li>
 *   <li>{@code telegram.replies} refuses writes for the outage while updates keep coming in: the replies of
 *       updates applied meanwhile cannot be published after their commit and wait in the outbox
 *       ({@link OutboxMutationIT} shows this scenario failing without it).</li>
 * </ul>
 */
class ThreeBrokersIT {

    private static final FaultPlan PLAN = FaultPlan.shortPlan();
    private static FaultRig rig;

    @BeforeAll
    static void startRig() {
        rig = FaultRig.startOnThreeBrokers(PLAN, "faults-cluster");
    }

    @AfterAll
    static void stopRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void stoppingThePartitionLeaderMidStreamLosesAndDoublesNothing() throws Exception {
        FaultReport report = FaultSuiteIT.measure(rig, PLAN, "updates-leader-stop", false, unanswered -> {
            KraftBroker leader = rig.cluster.node(rig.cluster.leaderOf(Topics.UPDATES, 0));
            leader.stop();
            ServiceProcess.sleep(PLAN.outage());
            leader.start();
        });
        FaultSuiteIT.recordAndCheck(report, PLAN);
    }

    @Test
    void repliesThatCannotBePublishedWaitInTheOutbox() throws Exception {
        FaultSuiteIT.recordAndCheck(FaultSuiteIT.measure(rig, PLAN, "replies-refused", false,
                repliesRefused(rig, PLAN)), PLAN);
    }

    /** {@code telegram.replies} refuses writes for the plan's outage ({@link FaultRig#refuseReplyWrites()}). */
    static FaultSuiteIT.Fault repliesRefused(FaultRig rig, FaultPlan plan) {
        return unanswered -> {
            rig.refuseReplyWrites();
            ServiceProcess.sleep(plan.outage());
            rig.acceptReplyWrites();
        };
    }
}

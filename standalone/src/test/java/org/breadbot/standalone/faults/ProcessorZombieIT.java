package org.breadbot.standalone.faults;

import org.junit.jupiter.api.Test;

/**
 * A zombie processor (exactly-once issue, item 2): two processors share the updates partitions while the steady
 * load runs; one is frozen (SIGSTOP) for longer than the consumer session timeout, so the other takes all its
 * partitions and applies their updates, and then it goes on (SIGCONT) with the batch it held, possibly mid-
 * transaction. Nothing it applies or publishes doubles what the new owner did: its de-duplication insert finds the
 * new owner's row (or the new owner waits on its open transaction until PostgreSQL ends it), and the message
 * counters, the non-idempotent effect, come out once per update.
 */
class ProcessorZombieIT {

    @Test
    void aProcessorFrozenPastTheSessionTimeoutAppliesNothingTheNewOwnerApplied() throws Exception {
        FaultPlan plan = FaultPlan.shortPlan();
        try (FaultRig rig = FaultRig.start(plan, "faults-processor-zombie", java.util.Map.of());
                ServiceProcess second = rig.anotherProcessor("processor-b")) {
            second.start();
            FaultReport report = FaultSuiteIT.measure(rig, plan, "processor-zombie", false, unanswered -> {
                rig.processor.pause();
                try {
                    ServiceProcess.sleep(plan.sessionTimeout().plusSeconds(4));
                } finally {
                    rig.processor.resume();
                }
            });
            FaultSuiteIT.recordAndCheck(report, plan);
        }
    }
}

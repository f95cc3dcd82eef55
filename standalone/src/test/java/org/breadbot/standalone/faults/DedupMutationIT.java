package org.breadbot.standalone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mutation check of the fault suite: with de-duplication switched off in the processor
 * ({@code bread-bot.processor.dedup.mutation-off}, a test-only switch), the suite's redelivery scenario must fail,
 * and it must fail on the non-idempotent effect, the members' message counters. Replies would not show it: a
 * re-applied update's reply has the same id and is dropped by the outbox and the delivery log.
 */
class DedupMutationIT {

    @Test
    void withDeDuplicationOffTheFaultSuiteSeesUpdatesAppliedTwice() throws Exception {
        FaultPlan plan = FaultPlan.shortPlan();
        try (FaultRig rig = FaultRig.start(plan, "faults-mutation",
                Map.of("bread-bot.processor.dedup.mutation-off", "true"))) {
            FaultReport report = FaultSuiteIT.measure(rig, plan, "telegram-redelivery-without-dedup", true,
                    unanswered -> { });
            System.out.println("mutation check: " + report.summaryLine());

            assertThat(report.clean()).as(report.summaryLine()).isFalse();
            assertThat(report.messagesCounted()).as("counted twice").isGreaterThan(report.acked());
            assertThat(report.problems()).anyMatch(problem -> problem.contains("(applied twice)"));
        }
    }
}

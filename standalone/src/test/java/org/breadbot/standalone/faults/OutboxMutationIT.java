package org.breadbot.standalone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's second mutation check: with the outbox skipped in the processor
 * ({@code bread-bot.processor.outbox.mutation-bypass}, a test-only switch: replies are published straight after
 * their update's commit), the {@code replies-refused} scenario of {@link ThreeBrokersIT} must fail, on replies lost. The updates
 * themselves are applied exactly once: only the replies of those applied while {@code telegram.replies} refused
 * writes are gone, because their redelivery is a duplicate that answers nothing.
 */
class OutboxMutationIT {

    @Test
    void withTheOutboxSkippedTheFaultSuiteSeesRepliesLost() throws Exception {
        // the lost replies never come: do not wait the plan's two minutes for them
        FaultPlan plan = FaultPlan.shortPlan().withDrain(Duration.ofSeconds(15));
        try (FaultRig rig = FaultRig.startOnThreeBrokers(plan, "faults-outbox-mutation",
                Map.of("bread-bot.processor.outbox.mutation-bypass", "true"))) {
            FaultReport report = FaultSuiteIT.measure(rig, plan, "replies-refused-without-outbox", false,
                    ThreeBrokersIT.repliesRefused(rig, plan));
            System.out.println("mutation check: " + report.summaryLine());

            assertThat(report.clean()).as(report.summaryLine()).isFalse();
            assertThat(report.delivered()).as("replies lost").isLessThan(report.expected());
            assertThat(report.applied()).as(report.summaryLine()).isEqualTo(report.acked());
            assertThat(report.messagesCounted()).as(report.summaryLine()).isEqualTo(report.acked());
        }
    }
}

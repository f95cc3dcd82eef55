package org.breadbot.bench;

import java.util.Map;
import org.breadbot.bench.report.Figure;

/**
 * Processor throughput with 1, 2, 4 (and in full runs 6) consumer threads on a 6-partition topic
 * ({@code BREAD_BOT_PROCESSOR_CONCURRENCY}), each step on a fresh topic, group and database; the reference is the
 * single thread.
 */
final class ScalingScenario implements Scenario {

    static final String NAME = "scaling";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) {
        double single = 0;
        for (int concurrency : context.plan().scalingSteps()) {
            long total = ProcessorDrain.preload(context, context.plan().scalingUpdates());
            ProcessorDrain.Drain drain = ProcessorDrain.drain(context,
                    context.infrastructure().newDatabase("scaling"), total,
                    Map.of("BREAD_BOT_PROCESSOR_CONCURRENCY", Integer.toString(concurrency)));
            drain.processor().stop();
            if (concurrency == 1) {
                single = drain.perSecond();
            }
            context.results().add(Figure.of(NAME, "processor, concurrency " + concurrency, drain.perSecond(),
                    "updates/s").against("concurrency 1", single).charted());
        }
        context.results().note("scaling: one processor instance, 6 partitions, "
                + context.plan().scalingUpdates() + " updates of the mix per step; on 2 cores shared with the broker "
                + "and PostgreSQL, more threads mostly add overlap of database round trips.");
    }
}

package org.breadbot.bench;

import java.util.Map;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.report.Figure;

/**
 * Updates/s the processor applies with persistence, draining a preloaded backlog, beside the minimum database
 * writes per update (a bare R2DBC loop at the processor's concurrency) and a consumer that only reads (the
 * broker's ceiling).
 */
final class ProcessorScenario implements Scenario {

    static final String NAME = "processor";
    /** The processor's default consumer threads (processor.yml: one per partition of the 6-partition topic). */
    static final int CONCURRENCY = 6;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) {
        long total = ProcessorDrain.preload(context, context.plan().processorUpdates());
        Database database = context.infrastructure().newDatabase("processor");
        ProcessorDrain.Drain drain = ProcessorDrain.drain(context, database, total, Map.of());
        drain.processor().stop();
        double reader = ReadOnlyConsumer.drain(context.infrastructure().bootstrapServers(), total);
        double bare = BareR2dbcLoop.run(context.infrastructure().newDatabase("r2dbc"),
                (int) Math.min(total, 20_000), CONCURRENCY);

        String what = "updates applied, concurrency " + CONCURRENCY;
        context.results().add(Figure.of(NAME, what, drain.perSecond(), "updates/s")
                .against("bare R2DBC loop, " + CONCURRENCY + " connections", bare).charted());
        context.results().add(Figure.of(NAME, what, drain.perSecond(), "updates/s")
                .against("read-only consumer", reader));
        context.results().add(Figure.of(NAME, "bare R2DBC loop (reference)", bare, "updates/s").charted());
        context.results().add(Figure.of(NAME, "read-only consumer (reference)", reader, "records/s").charted());
        context.results().note("processor: " + total + " records preloaded into telegram.updates (6 partitions) as "
                + "ingress writes them, each chat's two teaching updates first; throughput from the first offset "
                + "commit seen to zero lag (start-up excluded). The bare R2DBC loop does one transaction per "
                + "update: insert processed_updates + insert outbox, nothing else.");
    }
}

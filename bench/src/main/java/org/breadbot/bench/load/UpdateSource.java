package org.breadbot.bench.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.bench.workload.WorkloadUpdate;

/** Where the generator takes its next update from; thread-safe, built before the phase. */
public interface UpdateSource {

    /** The next update, or null when there are none left. */
    WorkloadUpdate next();

    /** Each update once, then null: for runs whose updates must reach the bot exactly once. */
    static UpdateSource once(List<WorkloadUpdate> updates) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int index = next.getAndIncrement();
            return index < updates.size() ? updates.get(index) : null;
        };
    }

    /** The updates over and over: for ingress alone, where nothing downstream minds repeated ids. */
    static UpdateSource cycling(List<WorkloadUpdate> updates) {
        AtomicInteger next = new AtomicInteger();
        return () -> updates.get(Math.floorMod(next.getAndIncrement(), updates.size()));
    }
}

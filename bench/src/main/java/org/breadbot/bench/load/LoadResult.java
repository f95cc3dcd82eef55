package org.breadbot.bench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase of webhook posts gave.
 *
 * @param measureFromNanos {@link System#nanoTime()} the measured window began at (after the warm-up)
 * @param seconds      length of the measured window
 * @param ok           responses 200 to requests started in the window
 * @param otherStatus  other statuses by code
 * @param errors       requests that got no response (connection errors, timeouts)
 * @param latencyMicros latency of every request started in the window, from its intended start in fixed-rate mode
 */
public record LoadResult(long measureFromNanos, double seconds, long ok, Map<Integer, Long> otherStatus, long errors,
        Histogram latencyMicros) {

    public long requests() {
        return ok + errors + otherStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** 200 responses per second. */
    public double okPerSecond() {
        return ok / seconds;
    }

    /** A latency percentile in milliseconds. */
    public double millis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}

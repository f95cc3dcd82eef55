package org.breadbot.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts and latencies of one measured phase, from many threads: what is started before the window (warm-up) is
 * awaited but not recorded.
 */
public final class Tally {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final Histogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<Integer, AtomicLong> other = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();

    public void started() {
        inFlight.incrementAndGet();
    }

    /** A response with {@code status} to a request started (or due) at {@code startNanos}. */
    public void answered(boolean measured, int status, long startNanos) {
        if (measured) {
            record(startNanos);
            if (status == 200) {
                ok.incrementAndGet();
            } else {
                other.computeIfAbsent(status, code -> new AtomicLong()).incrementAndGet();
            }
        }
        inFlight.decrementAndGet();
    }

    /** No response. */
    public void failed(boolean measured, long startNanos) {
        if (measured) {
            record(startNanos);
            errors.incrementAndGet();
        }
        inFlight.decrementAndGet();
    }

    private void record(long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        latency.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    /** Waits until nothing is in flight (or the timeout passed). */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    public LoadResult result(long measureFromNanos, Duration window) {
        Map<Integer, Long> statuses = new TreeMap<>();
        other.forEach((code, count) -> statuses.put(code, count.get()));
        return new LoadResult(measureFromNanos, window.toNanos() / 1e9, ok.get(), statuses, errors.get(),
                latency.copy());
    }
}

package org.breadbot.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, in milliseconds, for the report's chart and JSON.
 *
 * @param name        e.g. "end to end, 100 updates/s"
 * @param count       how many latencies
 * @param percentiles percentile label ("p50", "p99.9", "max") to milliseconds
 */
public record LatencyDistribution(String name, long count, Map<String, Double> percentiles) {

    public static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /** From a histogram of microseconds. */
    public static LatencyDistribution ofMicros(String name, Histogram micros) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (double percentile : PERCENTILES) {
            percentiles.put(label(percentile), micros.getTotalCount() == 0 ? Double.NaN
                    : micros.getValueAtPercentile(percentile) / 1000.0);
        }
        percentiles.put("max", micros.getTotalCount() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0);
        return new LatencyDistribution(name, micros.getTotalCount(), percentiles);
    }

    static String label(double percentile) {
        return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
    }
}

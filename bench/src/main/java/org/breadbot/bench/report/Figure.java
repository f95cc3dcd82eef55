package org.breadbot.bench.report;

/**
 * One measured figure beside its same-run reference.
 *
 * @param scenario       which scenario measured it
 * @param name           what it is, e.g. "webhook acks=all, 100 connections"
 * @param value          the figure
 * @param unit           e.g. "req/s", "ms", "MiB"
 * @param reference      what it is compared with, or null
 * @param referenceValue the reference's figure in the same unit, or null
 * @param target         the target in words, or null
 * @param met            whether the target is met, or null when there is none
 * @param throughput     whether it belongs on the throughput chart
 */
public record Figure(String scenario, String name, double value, String unit, String reference,
        Double referenceValue, String target, Boolean met, boolean throughput) {

    /** A figure without reference or target. */
    public static Figure of(String scenario, String name, double value, String unit) {
        return new Figure(scenario, name, value, unit, null, null, null, null, false);
    }

    public Figure against(String referenceName, double referenceFigure) {
        return new Figure(scenario, name, value, unit, referenceName, referenceFigure, target, met, throughput);
    }

    public Figure target(String description, boolean isMet) {
        return new Figure(scenario, name, value, unit, reference, referenceValue, description, isMet, throughput);
    }

    /** Marks it as a throughput, drawn on the chart. */
    public Figure charted() {
        return new Figure(scenario, name, value, unit, reference, referenceValue, target, met, true);
    }

    /** value / reference, or null without a (non-zero) reference. */
    public Double ratio() {
        return referenceValue == null || referenceValue == 0 ? null : value / referenceValue;
    }
}

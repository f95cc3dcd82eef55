package org.breadbot.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The human-readable result: one table per scenario (figure, reference, ratio, target, met?). */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Results results, String chartFileName) {
        StringBuilder out = new StringBuilder();
        Machine machine = results.machine();
        out.append("# bread-bot benchmarks, ").append(results.mode()).append(" run, ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                        .format(results.started()))
                .append("\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %,d MiB RAM, %s, %s. Wall time %.0f s.%n%n",
                machine.cores(), machine.cpu(), machine.memoryMiB(), machine.java(), machine.os(),
                results.wallSeconds()));
        out.append("Setup: ").append(results.setup()).append("\n\n");
        Set<String> scenarios = new LinkedHashSet<>();
        results.figures().forEach(figure -> scenarios.add(figure.scenario()));
        for (String scenario : scenarios) {
            out.append("## ").append(scenario).append("\n\n");
            out.append("| figure | value | reference | ratio | target | met? |\n");
            out.append("|---|---:|---|---:|---|:---:|\n");
            for (Figure figure : results.figures()) {
                if (figure.scenario().equals(scenario)) {
                    out.append(row(figure));
                }
            }
            out.append('\n');
        }
        if (!results.latencies().isEmpty()) {
            out.append("## Latency distributions (ms)\n\n| run | count |");
            results.latencies().get(0).percentiles().keySet().forEach(label -> out.append(' ').append(label)
                    .append(" |"));
            out.append("\n|---|---:|");
            results.latencies().get(0).percentiles().keySet().forEach(label -> out.append("---:|"));
            out.append('\n');
            for (LatencyDistribution latency : results.latencies()) {
                out.append("| ").append(latency.name()).append(" | ").append(latency.count()).append(" |");
                latency.percentiles().values().forEach(value -> out.append(' ').append(number(value)).append(" |"));
                out.append('\n');
            }
            out.append('\n');
        }
        if (chartFileName != null) {
            out.append("![throughput and latency](").append(chartFileName).append(")\n\n");
        }
        if (!results.notes().isEmpty()) {
            out.append("## Notes\n\n");
            results.notes().forEach(note -> out.append("- ").append(note).append('\n'));
            out.append('\n');
        }
        if (!results.failures().isEmpty()) {
            out.append("## Scenarios that did not finish\n\n");
            results.failures().forEach(failure -> out.append("- ").append(failure).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    public static void write(Results results, Path file, String chartFileName) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(results, chartFileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(Figure figure) {
        String reference = figure.reference() == null ? "" : figure.reference() + ": "
                + number(figure.referenceValue()) + " " + figure.unit();
        Double ratio = figure.ratio();
        return "| " + escape(figure.name()) + " | " + number(figure.value()) + " " + figure.unit() + " | "
                + escape(reference) + " | " + ratio(ratio)
                + " | " + (figure.target() == null ? "" : escape(figure.target())) + " | "
                + (figure.met() == null ? "" : figure.met() ? "yes" : "**no**") + " |\n";
    }

    /** As a percentage, or as a factor when it is ten times or more (latencies far above their reference). */
    static String ratio(Double ratio) {
        if (ratio == null || !Double.isFinite(ratio)) {
            return "";
        }
        if (ratio >= 10) {
            return String.format(Locale.ROOT, "×%,.0f", ratio);
        }
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.1f %%" : "%.0f %%", ratio * 100);
    }

    static String number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}

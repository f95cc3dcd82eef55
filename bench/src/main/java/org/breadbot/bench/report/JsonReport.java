package org.breadbot.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import tools.jackson.databind.SerializationFeature;

/** The machine-readable result: every figure with its reference, ratio and target, and the latency percentiles. */
public final class JsonReport {

    private JsonReport() {
    }

    public static void write(Results results, Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", results.mode());
        root.put("started", results.started().toString());
        root.put("wallSeconds", results.wallSeconds());
        root.put("machine", results.machine());
        root.put("setup", results.setup());
        List<Map<String, Object>> figures = results.figures().stream().map(JsonReport::figure).toList();
        root.put("figures", figures);
        root.put("latencies", results.latencies().stream().map(latency -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", latency.name());
            entry.put("count", latency.count());
            Map<String, Object> millis = new LinkedHashMap<>();
            latency.percentiles().forEach((label, value) -> millis.put(label, finite(value)));
            entry.put("millis", millis);
            return entry;
        }).toList());
        root.put("notes", results.notes());
        root.put("failures", results.failures());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> figure(Figure figure) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("scenario", figure.scenario());
        entry.put("name", figure.name());
        entry.put("value", finite(figure.value()));
        entry.put("unit", figure.unit());
        entry.put("reference", figure.reference());
        entry.put("referenceValue", figure.referenceValue() == null ? null : finite(figure.referenceValue()));
        entry.put("ratio", figure.ratio() == null ? null : finite(figure.ratio()));
        entry.put("target", figure.target());
        entry.put("met", figure.met());
        return entry;
    }

    /** JSON has no NaN or infinity: such values are written as null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

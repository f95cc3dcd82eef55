package org.breadbot.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.breadbot.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReportsTest {

    @TempDir
    Path directory;

    @Test
    void theJsonHoldsEveryFigureWithItsRatioAndTarget() throws Exception {
        Path file = directory.resolve("run.json");

        JsonReport.write(results(), file);

        JsonNode json = Json.mapper().readTree(Files.readString(file));
        assertThat(json.path("mode").asString()).isEqualTo("quick");
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        JsonNode first = json.path("figures").get(0);
        assertThat(first.path("value").asDouble()).isEqualTo(9_000);
        assertThat(first.path("ratio").asDouble()).isEqualTo(0.75);
        assertThat(first.path("met").asBoolean(true)).isFalse();
        assertThat(json.path("figures").get(2).path("value").isNull()).isTrue(); // NaN is not JSON
        assertThat(json.path("latencies").get(0).path("millis").path("p99").asDouble()).isPositive();
        assertThat(json.path("failures").get(0).asString()).startsWith("sender:");
    }

    @Test
    void theMarkdownHasATableRowPerFigure() throws Exception {
        Path file = directory.resolve("run.md");

        MarkdownReport.write(results(), file, "run.png");

        String markdown = Files.readString(file);
        assertThat(markdown).contains("## ingress", "## end to end", "![throughput and latency](run.png)")
                .contains("| webhook | 9,000 req/s | bare WebFlux: 12,000 req/s | 75 % | ≥ 15,000 req/s | **no** |")
                .contains("| latency p99 at 100 updates/s | 12.0 ms |  |  | ≤ 50 ms | yes |")
                .contains("| e2e 100/s | 1000 |")
                .contains("- sender: broken");
    }

    @Test
    void theChartIsAReadablePng() throws Exception {
        Path file = directory.resolve("run.png");

        ChartReport.write(results(), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(500);
    }

    private static Results results() {
        Results results = new Results("quick", Machine.current(), Instant.parse("2026-01-02T03:04:05Z"), "test");
        results.add(Figure.of("ingress", "webhook", 9_000, "req/s").against("bare WebFlux", 12_000)
                .target("≥ 15,000 req/s", false).charted());
        results.add(Figure.of("end to end", "latency p99 at 100 updates/s", 12, "ms").target("≤ 50 ms", true));
        results.add(Figure.of("end to end", "not measured", Double.NaN, "ms"));
        Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1_000; i++) {
            histogram.recordValue(i * 10L);
        }
        results.add(LatencyDistribution.ofMicros("e2e 100/s", histogram));
        results.note("a note");
        results.failed("sender", "broken");
        results.finished(12);
        return results;
    }
}

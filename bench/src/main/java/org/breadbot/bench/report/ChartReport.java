package org.breadbot.bench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.StandardTickUnitSource;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The run as a PNG: throughput of each scenario beside its reference (log scale, the figures span five orders of
 * magnitude), and the end-to-end latency percentiles. Drawn headless.
 */
public final class ChartReport {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 700;

    private ChartReport() {
    }

    public static void write(Results results, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, WIDTH, HEIGHT * 2);
        throughput(results).draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        latency(results).draw(graphics, new Rectangle2D.Double(0, HEIGHT, WIDTH, HEIGHT));
        graphics.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newOutputStream(file)) {
                ChartUtils.writeBufferedImageAsPNG(out, image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JFreeChart throughput(Results results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figure figure : results.figures()) {
            if (!figure.throughput() || !(figure.value() > 0)) {
                continue;
            }
            String category = figure.scenario() + ": " + figure.name();
            data.addValue(figure.value(), "measured", category);
            if (figure.referenceValue() != null && figure.referenceValue() > 0) {
                data.addValue(figure.referenceValue(), "reference", category);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Throughput per scenario (per second, log scale)", null,
                "per second", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis axis = logAxis("per second", 0.1);
        plot.setRangeAxis(axis);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        return chart;
    }

    /** A log axis labelled with plain numbers (1, 10, 100) rather than powers of ten. */
    private static LogAxis logAxis(String label, double smallest) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(smallest);
        axis.setStandardTickUnits(new StandardTickUnitSource());
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static JFreeChart latency(Results results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LatencyDistribution latency : results.latencies()) {
            latency.percentiles().forEach((label, millis) -> {
                if (Double.isFinite(millis) && millis > 0) {
                    data.addValue(millis, latency.name(), label);
                }
            });
        }
        JFreeChart chart = ChartFactory.createBarChart("Latency percentiles (ms, log scale)", null, "ms", data,
                PlotOrientation.VERTICAL, true, false, false);
        LogAxis axis = logAxis("ms", 0.1);
        chart.getCategoryPlot().setRangeAxis(axis);
        return chart;
    }
}

package org.breadbot.standalone;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ingress context's Prometheus registry in the standalone jar, whose scrape also holds the processor's and the
 * sender's meters: the standalone serves HTTP from the ingress only, so its {@code /actuator/prometheus} is the one
 * place an operator can point Prometheus at. Each service's meters carry its {@code service} tag, so a family that
 * several services have (jvm_*, kafka_consumer_*, r2dbc_*) merges into one family with distinct series.
 */
final class MergedPrometheusRegistry extends PrometheusRegistry {

    private final PrometheusRegistry own = new PrometheusRegistry();
    private final List<PrometheusRegistry> others;

    MergedPrometheusRegistry(List<PrometheusRegistry> others) {
        this.others = List.copyOf(others);
    }

    @Override
    public void register(Collector collector) {
        own.register(collector);
    }

    @Override
    public void register(MultiCollector collector) {
        own.register(collector);
    }

    @Override
    public void unregister(Collector collector) {
        own.unregister(collector);
    }

    @Override
    public void unregister(MultiCollector collector) {
        own.unregister(collector);
    }

    @Override
    public void clear() {
        own.clear();
    }

    @Override
    public MetricSnapshots scrape() {
        return scrape((PrometheusScrapeRequest) null);
    }

    @Override
    public MetricSnapshots scrape(PrometheusScrapeRequest request) {
        List<MetricSnapshots> all = new ArrayList<>();
        all.add(own.scrape(request));
        others.forEach(other -> all.add(other.scrape(request)));
        return merged(all);
    }

    @Override
    public MetricSnapshots scrape(Predicate<String> includedNames) {
        return scrape(includedNames, null);
    }

    @Override
    public MetricSnapshots scrape(Predicate<String> includedNames, PrometheusScrapeRequest request) {
        List<MetricSnapshots> all = new ArrayList<>();
        all.add(own.scrape(includedNames, request));
        others.forEach(other -> all.add(other.scrape(includedNames, request)));
        return merged(all);
    }

    /** One family per name, holding the data points of every registry (the first registry's help and unit). */
    static MetricSnapshots merged(List<MetricSnapshots> scrapes) {
        Map<String, List<MetricSnapshot>> byName = new LinkedHashMap<>();
        for (MetricSnapshots scrape : scrapes) {
            for (MetricSnapshot family : scrape) {
                byName.computeIfAbsent(family.getMetadata().getPrometheusName(), name -> new ArrayList<>())
                        .add(family);
            }
        }
        MetricSnapshots.Builder result = MetricSnapshots.builder();
        byName.values().forEach(families -> result.metricSnapshot(merge(families)));
        return result.build();
    }

    private static MetricSnapshot merge(List<MetricSnapshot> families) {
        MetricSnapshot first = families.get(0);
        if (families.size() == 1) {
            return first;
        }
        if (first instanceof CounterSnapshot) {
            return new CounterSnapshot(first.getMetadata(), points(families, CounterDataPointSnapshot.class));
        }
        if (first instanceof GaugeSnapshot) {
            return new GaugeSnapshot(first.getMetadata(), points(families, GaugeDataPointSnapshot.class));
        }
        if (first instanceof HistogramSnapshot histogram) {
            return new HistogramSnapshot(histogram.isGaugeHistogram(), first.getMetadata(),
                    points(families, HistogramDataPointSnapshot.class));
        }
        if (first instanceof SummarySnapshot) {
            return new SummarySnapshot(first.getMetadata(), points(families, SummaryDataPointSnapshot.class));
        }
        if (first instanceof InfoSnapshot) {
            return new InfoSnapshot(first.getMetadata(), points(families, InfoDataPointSnapshot.class));
        }
        if (first instanceof StateSetSnapshot) {
            return new StateSetSnapshot(first.getMetadata(), points(families, StateSetDataPointSnapshot.class));
        }
        return new UnknownSnapshot(first.getMetadata(), points(families, UnknownDataPointSnapshot.class));
    }

    /**
     * The data points of families of one type. A family of another type under the same name is left out, and so is a
     * series whose labels an earlier registry already had: a family must not hold a series twice.
     */
    private static <T extends DataPointSnapshot> List<T> points(List<MetricSnapshot> families, Class<T> type) {
        List<T> points = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (MetricSnapshot family : families) {
            for (DataPointSnapshot point : family.getDataPoints()) {
                if (type.isInstance(point) && seen.add(point.getLabels())) {
                    points.add(type.cast(point));
                }
            }
        }
        return points;
    }
}

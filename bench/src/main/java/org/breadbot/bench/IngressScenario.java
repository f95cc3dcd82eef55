package org.breadbot.bench;

import java.time.Duration;
import java.util.List;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.load.LoadGenerator;
import org.breadbot.bench.load.LoadResult;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.reference.BareWebFlux;
import org.breadbot.bench.report.Figure;
import org.breadbot.bench.report.LatencyDistribution;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;

/**
 * Webhook requests/s and latency through the ingress (acks=all), as fast as {@code connections} connections go,
 * beside a bare WebFlux endpoint (the framework's ceiling) and the Kafka producer alone with the same records
 * (Kafka's ceiling). The three run one after another, never at once.
 */
final class IngressScenario implements Scenario {

    static final String NAME = "ingress";
    private static final int PRIMING = 500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) {
        context.kafka().reset();
        Workload workload = new Workload(ChatPopulation.of(context.plan().chats(), 1.1), UpdateMix.standard(),
                context.seed());
        List<WorkloadUpdate> updates = workload.next(20_000);
        int connections = context.connections();

        LoadResult ingress;
        try (JvmProcess service = context.startService("ingress", context.serviceEnv(null, null))) {
            ingress = post(context, service.baseUrl(), updates);
        }
        LoadResult bare;
        try (JvmProcess reference = context.launcher().mainClass("bare-webflux", BareWebFlux.class,
                java.util.Map.of(), "/ready").start()) {
            bare = post(context, reference.baseUrl(), updates);
        }
        LoadResult producer = ProducerAlone.run(context, UpdateSource.cycling(updates), connections);

        String what = "webhook, acks=all, " + connections + " connections";
        context.results().add(Figure.of(NAME, what, ingress.okPerSecond(), "req/s")
                .against("bare WebFlux", bare.okPerSecond())
                .target("≥ 50 % of bare WebFlux and ≥ 15,000 req/s",
                        ingress.okPerSecond() >= 0.5 * bare.okPerSecond() && ingress.okPerSecond() >= 15_000)
                .charted());
        context.results().add(Figure.of(NAME, what, ingress.okPerSecond(), "req/s")
                .against("Kafka producer alone, " + connections + " senders", producer.okPerSecond()));
        context.results().add(Figure.of(NAME, "bare WebFlux (reference)", bare.okPerSecond(), "req/s").charted());
        context.results().add(Figure.of(NAME, "Kafka producer alone (reference)", producer.okPerSecond(), "req/s")
                .charted());
        for (double percentile : new double[] {50, 99}) {
            String label = "p" + (int) percentile;
            context.results().add(Figure.of(NAME, "webhook latency " + label, ingress.millis(percentile), "ms")
                    .against("bare WebFlux " + label, bare.millis(percentile)));
            context.results().add(Figure.of(NAME, "webhook latency " + label, ingress.millis(percentile), "ms")
                    .against("producer alone " + label, producer.millis(percentile)));
        }
        long failed = ingress.requests() - ingress.ok();
        context.results().add(Figure.of(NAME, "webhook requests not answered 200", failed, "requests"));
        context.results().add(LatencyDistribution.ofMicros("ingress acks=all", ingress.latencyMicros()));
        context.results().add(LatencyDistribution.ofMicros("bare WebFlux", bare.latencyMicros()));
        context.results().add(LatencyDistribution.ofMicros("producer alone", producer.latencyMicros()));
        context.results().note("ingress: closed loop, each of " + connections + " connections posts its next update "
                + "when the previous one is answered; " + updates.size() + " distinct updates of the mix, posted "
                + "in a cycle; latency from request start to response.");
    }

    private static LoadResult post(BenchContext context, String baseUrl, List<WorkloadUpdate> updates) {
        try (LoadGenerator generator = new LoadGenerator(baseUrl, "/telegram/webhook", BenchContext.SECRET,
                context.connections())) {
            // lazily created clients (the ingress's Kafka producer is made on the first request) and the first
            // connections are set up here, before the timed warm-up
            generator.max(UpdateSource.once(updates.subList(0, PRIMING)), Duration.ZERO, Duration.ofMinutes(2),
                    new SendTimes());
            UpdateSource source = UpdateSource.cycling(updates);
            return generator.max(source, context.plan().warmUp(), context.plan().measure(), new SendTimes());
        }
    }
}

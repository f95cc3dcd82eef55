package org.breadbot.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.load.LoadGenerator;
import org.breadbot.bench.load.LoadResult;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.reference.BareWebFlux;
import org.breadbot.bench.report.Figure;
import org.breadbot.bench.report.LatencyDistribution;
import org.breadbot.bench.report.Results;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;

/**
 * Webhook requests/s and latency through the ingress (acks=all), as fast as {@code connections} connections go,
 * beside a bare WebFlux endpoint (the framework's ceiling) and the Kafka producer alone with the same records
 * (Kafka's ceiling). The three run one after another, never at once.
 *
 * <p>Measured twice: with the workload's Zipf-active chats, where the busiest chat's partition (key = chat id)
 * gets about a fifth of the records, and with chats equally active (what {@code wrk}-style tests post), so that a
 * cost of the skew would show.
 */
final class IngressScenario implements Scenario {

    static final String NAME = "ingress";
    /** A Zipf exponent this close to 0 makes every chat about equally active. */
    private static final double UNIFORM = 0.01;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) {
        context.kafka().reset();
        List<WorkloadUpdate> zipf = updates(context, 1.1);
        List<WorkloadUpdate> uniform = updates(context, UNIFORM);
        int connections = context.connections();

        LoadResult ingress;
        LoadResult ingressUniform;
        try (JvmProcess service = context.startService("ingress", context.serviceEnv(null, null));
                LoadGenerator generator = generator(context, service.baseUrl())) {
            warmUp(context, generator, zipf);
            ingress = measure(context, generator, zipf);
            ingressUniform = measure(context, generator, uniform);
        }
        LoadResult bare;
        try (JvmProcess reference = context.launcher().mainClass("bare-webflux", BareWebFlux.class, Map.of(),
                "/ready").start(); LoadGenerator generator = generator(context, reference.baseUrl())) {
            warmUp(context, generator, zipf);
            bare = measure(context, generator, zipf);
        }
        LoadResult producer = ProducerAlone.run(context, UpdateSource.cycling(zipf), connections);

        Results results = context.results();
        String what = "webhook, acks=all, " + connections + " connections";
        results.add(Figure.of(NAME, what + ", Zipf chats", ingress.okPerSecond(), "req/s")
                .against("bare WebFlux", bare.okPerSecond())
                .target("≥ 50 % of bare WebFlux and ≥ 15,000 req/s", meets(ingress, bare)).charted());
        results.add(Figure.of(NAME, what + ", uniform chats", ingressUniform.okPerSecond(), "req/s")
                .against("bare WebFlux", bare.okPerSecond())
                .target("≥ 50 % of bare WebFlux and ≥ 15,000 req/s", meets(ingressUniform, bare)).charted());
        results.add(Figure.of(NAME, what + ", Zipf chats", ingress.okPerSecond(), "req/s")
                .against("Kafka producer alone, " + connections + " senders", producer.okPerSecond()));
        results.add(Figure.of(NAME, "bare WebFlux (reference)", bare.okPerSecond(), "req/s").charted());
        results.add(Figure.of(NAME, "Kafka producer alone (reference)", producer.okPerSecond(), "req/s")
                .charted());
        for (double percentile : new double[] {50, 99}) {
            String label = "p" + (int) percentile;
            results.add(Figure.of(NAME, "webhook latency " + label + ", Zipf chats", ingress.millis(percentile), "ms")
                    .against("bare WebFlux " + label, bare.millis(percentile)));
            results.add(Figure.of(NAME, "webhook latency " + label + ", uniform chats",
                    ingressUniform.millis(percentile), "ms").against("bare WebFlux " + label, bare.millis(percentile)));
            results.add(Figure.of(NAME, "webhook latency " + label + ", Zipf chats", ingress.millis(percentile), "ms")
                    .against("producer alone " + label, producer.millis(percentile)));
        }
        long failed = ingress.requests() - ingress.ok() + ingressUniform.requests() - ingressUniform.ok();
        results.add(Figure.of(NAME, "webhook requests not answered 200", failed, "requests"));
        results.add(LatencyDistribution.ofMicros("ingress, Zipf chats", ingress.latencyMicros()));
        results.add(LatencyDistribution.ofMicros("ingress, uniform chats", ingressUniform.latencyMicros()));
        results.add(LatencyDistribution.ofMicros("bare WebFlux", bare.latencyMicros()));
        results.add(LatencyDistribution.ofMicros("producer alone", producer.latencyMicros()));
        results.note("ingress: closed loop, each of " + connections + " connections posts its next update when the "
                + "previous one is answered; " + zipf.size() + " distinct updates per key distribution, posted in a "
                + "cycle; latency from request start to response. Each server first gets "
                + context.plan().ingressWarmUp().toSeconds() + " s of load for its JIT (on a busy 2-core box the "
                + "ingress needs tens of seconds to reach its pace). Zipf chats: with key = chat id, the busiest "
                + "chat's partition takes about 18 % of the records; uniform chats spread them evenly over the 6 "
                + "partitions.");
    }

    private static boolean meets(LoadResult ingress, LoadResult bare) {
        return ingress.okPerSecond() >= 0.5 * bare.okPerSecond() && ingress.okPerSecond() >= 15_000;
    }

    private static List<WorkloadUpdate> updates(BenchContext context, double zipfExponent) {
        return new Workload(ChatPopulation.of(context.plan().chats(), zipfExponent), UpdateMix.standard(),
                context.seed()).next(20_000);
    }

    private static LoadGenerator generator(BenchContext context, String baseUrl) {
        return new LoadGenerator(baseUrl, "/telegram/webhook", BenchContext.SECRET, context.connections());
    }

    /** Load for the JIT, and for lazily made clients (the ingress's Kafka producer is made on the first request). */
    private static void warmUp(BenchContext context, LoadGenerator generator, List<WorkloadUpdate> updates) {
        generator.max(UpdateSource.cycling(updates), context.plan().ingressWarmUp(), Duration.ZERO, new SendTimes());
    }

    private static LoadResult measure(BenchContext context, LoadGenerator generator, List<WorkloadUpdate> updates) {
        return generator.max(UpdateSource.cycling(updates), context.plan().warmUp(), context.plan().measure(),
                new SendTimes());
    }
}

package org.breadbot.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.infra.Memory;
import org.breadbot.bench.load.LoadGenerator;
import org.breadbot.bench.load.LoadResult;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.report.Figure;
import org.breadbot.bench.report.LatencyDistribution;
import org.breadbot.bench.report.Results;
import org.breadbot.bench.telegram.FakeBotApi;
import org.breadbot.bench.telegram.TelegramLimits;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;

/**
 * Webhook → Bot API call, through ingress, processor and sender as three JVMs, with a fake Bot API that limits
 * nothing and a sender whose limits are raised out of the way: latency at 100 and 1,000 updates/s (open loop) and
 * at saturation, and the saturation throughput. Also reports each service's start-up time and peak RSS under
 * this load ("memory").
 */
final class EndToEndScenario implements Scenario {

    static final String NAME = "e2e";
    static final String TITLE = "end to end";
    static final String MEMORY = "memory and start-up";
    static final String SERVICES_PEAK_MIB = "services-peak-mib";
    private static final int[] RATES = {100, 1_000};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) {
        context.kafka().reset();
        Database database = context.infrastructure().newDatabase("e2e");
        Map<String, JvmProcess> services = new LinkedHashMap<>();
        try (FakeBotApi telegram = FakeBotApi.start(BenchContext.TOKEN, TelegramLimits.unlimited())) {
            context.startPipeline(database, telegram, services);
            Workload workload = new Workload(ChatPopulation.of(context.plan().chats(), 1.1), UpdateMix.standard(),
                    context.seed());
            try (LoadGenerator generator = new LoadGenerator(services.get("ingress").baseUrl(), "/telegram/webhook",
                    BenchContext.SECRET, context.connections())) {
                long taught = Teaching.teach(generator, workload, telegram);
                context.results().note("e2e: " + workload.population().size() + " chats taught a trigger and a "
                        + "substring first (" + taught + " of " + 2 * workload.population().size() + " answered).");
                for (int rate : RATES) {
                    fixedRate(context, generator, workload, telegram, rate);
                }
                saturation(context, generator, workload, telegram);
            }
            memory(context, services);
        } finally {
            services.values().forEach(JvmProcess::stop);
        }
        context.results().note("e2e latency = Bot API call accepted by the fake − (intended) webhook post of the "
                + "update it replies to (reply_parameters.message_id); only answered updates count (≈ 40 % of the "
                + "mix: trigger and substring hits, commands). Fixed rates are an open loop: latency counts from "
                + "each update's due time, so stalls are not hidden (coordinated omission corrected).");
    }

    private static void fixedRate(BenchContext context, LoadGenerator generator, Workload workload,
            FakeBotApi telegram, int rate) {
        Plan plan = context.plan();
        telegram.clear();
        List<WorkloadUpdate> updates = workload.next((int) (rate * plan.phase().toMillis() / 1000.0 * 1.02) + 10);
        SendTimes times = new SendTimes();
        LoadResult posted = generator.fixedRate(UpdateSource.once(updates), rate, plan.warmUp(), plan.measure(),
                times);
        ReplyLatency.settle(telegram, times.size(), Duration.ofSeconds(10), Duration.ofMinutes(5));
        ReplyLatency.Matched matched = ReplyLatency.match(telegram.deliveries(), times, posted.measureFromNanos());
        long expected = times.countFrom(posted.measureFromNanos());
        String at = rate + " updates/s";
        Results results = context.results();
        LatencyDistribution latency = LatencyDistribution.ofMicros("e2e " + at, matched.latencyMicros());
        results.add(latency);
        Figure p99 = Figure.of(TITLE, "latency p99 at " + at, latency.percentiles().get("p99"), "ms");
        results.add(Figure.of(TITLE, "latency p50 at " + at, latency.percentiles().get("p50"), "ms"));
        results.add(rate == 100 ? p99.target("≤ 50 ms", latency.percentiles().get("p99") <= 50) : p99);
        results.add(Figure.of(TITLE, "latency p99.9 at " + at, latency.percentiles().get("p99.9"), "ms"));
        results.add(Figure.of(TITLE, "webhook 200s at " + at, posted.okPerSecond(), "req/s")
                .against("rate offered", rate));
        results.add(Figure.of(TITLE, "replies delivered at " + at, matched.matched(), "replies")
                .against("answered updates posted", expected));
    }

    private static void saturation(BenchContext context, LoadGenerator generator, Workload workload,
            FakeBotApi telegram) {
        telegram.clear();
        List<WorkloadUpdate> updates = workload.next(context.plan().saturationUpdates());
        SendTimes times = new SendTimes();
        long started = System.nanoTime();
        LoadResult posted = generator.max(UpdateSource.once(updates), Duration.ZERO, Duration.ofMinutes(10), times);
        ReplyLatency.settle(telegram, times.size(), Duration.ofSeconds(15), Duration.ofMinutes(15));
        ReplyLatency.Matched matched = ReplyLatency.match(telegram.deliveries(), times, 0);
        double seconds = (matched.lastDelivery() - started) / 1e9;
        double throughput = posted.ok() / seconds;
        Results results = context.results();
        results.add(Figure.of(TITLE, "saturation throughput", throughput, "updates/s")
                .against("webhook accepted (ingress alone under this load)", posted.okPerSecond())
                .target("≥ 3,000 updates/s", throughput >= 3_000).charted());
        LatencyDistribution latency = LatencyDistribution.ofMicros("e2e saturation", matched.latencyMicros());
        results.add(latency);
        for (String label : new String[] {"p50", "p99", "p99.9"}) {
            results.add(Figure.of(TITLE, "latency " + label + " at saturation", latency.percentiles().get(label),
                    "ms"));
        }
        results.add(Figure.of(TITLE, "replies delivered at saturation", matched.matched(), "replies")
                .against("answered updates posted", times.size()));
        results.note("e2e saturation: " + updates.size() + " updates posted as fast as " + context.connections()
                + " connections go; throughput = updates accepted / (last reply delivered − first post), so it is "
                + "the slowest stage's pace; its latency includes the queue that builds up before that stage.");
    }

    private static void memory(BenchContext context, Map<String, JvmProcess> services) {
        double total = 0;
        for (Map.Entry<String, JvmProcess> service : services.entrySet()) {
            Memory memory = service.getValue().memory();
            total += memory.peakMiB();
            context.results().add(Figure.of(MEMORY, "peak RSS of " + service.getKey() + " (e2e load)",
                    memory.peakMiB(), "MiB").target("≤ 300 MiB", memory.peakMiB() <= 300));
        }
        for (Map.Entry<String, JvmProcess> service : services.entrySet()) {
            context.results().add(Figure.of(MEMORY, "start-up to ready, " + service.getKey(),
                    service.getValue().startup().toMillis() / 1000.0, "s"));
        }
        context.shared().put(SERVICES_PEAK_MIB, total);
        context.results().note("memory: VmHWM from /proc/<pid>/status at the end of the e2e scenario (the peak since "
                + "the JVM started), JVM flags " + String.join(" ", context.launcher().jvmFlags()) + ".");
    }
}

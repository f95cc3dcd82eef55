package org.breadbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.infra.Launcher;
import org.breadbot.bench.infra.Memory;
import org.breadbot.bench.load.LoadGenerator;
import org.breadbot.bench.load.LoadResult;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.report.Figure;
import org.breadbot.bench.report.LatencyDistribution;
import org.breadbot.bench.telegram.FakeBotApi;
import org.breadbot.bench.telegram.TelegramLimits;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;

/**
 * The standalone jar (three services, embedded broker and database, one JVM): start to ready, and peak RSS under
 * a short end-to-end load at {@link #RATE} updates/s, beside the three services' peaks added up (from the e2e
 * scenario of the same run, when it ran).
 */
final class StandaloneScenario implements Scenario {

    static final String NAME = "standalone";
    static final int RATE = 500;
    private static final int CHATS = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) throws IOException {
        Path data = Files.createTempDirectory("bench-standalone");
        try (FakeBotApi telegram = FakeBotApi.start(BenchContext.TOKEN, TelegramLimits.unlimited())) {
            Map<String, String> env = new HashMap<>(BenchContext.senderUnlimited());
            env.put("TELEGRAM_BOT_TOKEN", BenchContext.TOKEN);
            env.put("TELEGRAM_API_BASE_URL", telegram.baseUrl());
            env.put("TELEGRAM_WEBHOOK_SECRET", BenchContext.SECRET);
            // a public URL means webhook mode (registered at the fake), not long polling
            env.put("BREAD_BOT_INGRESS_WEBHOOK_REGISTER_URL", "https://bench.invalid/telegram/webhook");
            env.put("BREAD_BOT_EMBEDDED_KAFKA_PORT", Integer.toString(Launcher.freePort()));
            env.put("BREAD_BOT_DATA_DIR", data.toString());
            try (JvmProcess standalone = context.launcher().standalone(env).start()) {
                double startup = standalone.startup().toMillis() / 1000.0;
                context.results().add(Figure.of(EndToEndScenario.MEMORY, "start-up to ready, standalone jar",
                        startup, "s").target("≤ 15 s", startup <= 15));
                load(context, standalone, telegram);
                Memory memory = standalone.memory();
                Figure peak = Figure.of(EndToEndScenario.MEMORY, "peak RSS of the standalone jar (" + RATE
                        + " updates/s)", memory.peakMiB(), "MiB");
                Double services = context.shared().get(EndToEndScenario.SERVICES_PEAK_MIB);
                context.results().add(services == null ? peak : peak.against("three services' peaks added", services));
            }
        } finally {
            delete(data);
        }
        context.results().note("standalone: its PostgreSQL runs as child processes whose memory is not in the "
                + "JVM's RSS; the embedded broker is inside it. Load: " + CHATS + " chats taught, then " + RATE
                + " updates/s for " + context.plan().phase().toSeconds() + " s.");
    }

    private static void load(BenchContext context, JvmProcess standalone, FakeBotApi telegram) {
        Workload workload = new Workload(ChatPopulation.of(CHATS, 1.1), UpdateMix.standard(), context.seed());
        try (LoadGenerator generator = new LoadGenerator(standalone.baseUrl(), "/telegram/webhook",
                BenchContext.SECRET, context.connections())) {
            Teaching.teach(generator, workload, telegram);
            List<WorkloadUpdate> updates = workload.next((int) (RATE * context.plan().phase().toSeconds() * 1.05));
            SendTimes times = new SendTimes();
            LoadResult posted = generator.fixedRate(UpdateSource.once(updates), RATE, context.plan().warmUp(),
                    context.plan().measure(), times);
            ReplyLatency.settle(telegram, times.size(), java.time.Duration.ofSeconds(10),
                    java.time.Duration.ofMinutes(3));
            ReplyLatency.Matched matched = ReplyLatency.match(telegram.deliveries(), times,
                    posted.measureFromNanos());
            LatencyDistribution latency = LatencyDistribution.ofMicros("standalone e2e " + RATE + "/s",
                    matched.latencyMicros());
            context.results().add(latency);
            context.results().add(Figure.of(EndToEndScenario.MEMORY, "standalone e2e latency p99 at " + RATE
                    + " updates/s", latency.percentiles().get("p99"), "ms"));
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.breadbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.infra.Infrastructure;
import org.breadbot.bench.infra.KafkaState;
import org.breadbot.bench.infra.Launcher;
import org.breadbot.bench.report.ChartReport;
import org.breadbot.bench.report.JsonReport;
import org.breadbot.bench.report.Machine;
import org.breadbot.bench.report.MarkdownReport;
import org.breadbot.bench.report.Results;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench/run.sh [quick|full] [options]}: runs the scenarios and writes the report (issue #7). */
@Command(name = "bench/run.sh", mixinStandardHelpOptions = true,
        description = "Runs bread-bot's benchmarks, each beside its same-run reference, and writes "
                + "<out>/<date>[-quick].md, .json and .png.")
public final class Bench implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "quick", description = "quick (≤ 5 min) or full")
    String mode;

    @Option(names = "--only", split = ",", description = "scenarios to run: ${COMPLETION-CANDIDATES}")
    List<String> only;

    @Option(names = "--out", defaultValue = "bench/results", description = "where the report goes")
    Path out;

    @Option(names = "--repo", defaultValue = ".", description = "the repository root (where the jars are built)")
    Path repository;

    @Option(names = "--bootstrap-servers", description = "a Kafka broker to use instead of the embedded one")
    String bootstrapServers;

    @Option(names = "--db-host", description = "a PostgreSQL server to use instead of the embedded one")
    String dbHost;

    @Option(names = "--db-port", defaultValue = "5432")
    int dbPort;

    @Option(names = "--db-name", defaultValue = "bread_bot")
    String dbName;

    @Option(names = "--db-user", defaultValue = "bread_bot")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "bread_bot")
    String dbPassword;

    @Option(names = "--connections", defaultValue = "100", description = "webhook connections (Telegram's max)")
    int connections;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the workload")
    long seed;

    @Option(names = "--jvm-flags", defaultValue = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError",
            description = "flags of every service and reference JVM")
    String jvmFlags;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    static List<Scenario> scenarios() {
        return List.of(new IngressScenario(), new ProcessorScenario(), new ScalingScenario(), new EndToEndScenario(),
                new SenderScenario(), new StandaloneScenario(), new IsolationScenario());
    }

    @Override
    public Integer call() throws Exception {
        Plan plan = Plan.named(mode);
        List<Scenario> selected = select();
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        Path logs = repository.resolve("bench/target/bench-logs/" + started.toString().replace(':', '-'));
        Files.createDirectories(logs);
        List<String> flags = Arrays.asList(jvmFlags.trim().split("\\s+"));
        Database database = dbHost == null ? null : new Database(dbHost, dbPort, dbName, dbUser, dbPassword);
        log("starting " + (bootstrapServers == null ? "embedded broker" : bootstrapServers) + " and "
                + (database == null ? "embedded PostgreSQL" : "PostgreSQL at " + dbHost) + "; logs in " + logs);
        Results results;
        try (Infrastructure infrastructure = Infrastructure.start(bootstrapServers, database);
                KafkaState kafka = new KafkaState(infrastructure.bootstrapServers())) {
            results = new Results(plan.name(), Machine.current(), started, infrastructure.describe()
                    + "; every service and reference JVM: " + jvmFlags + "; " + connections
                    + " webhook connections; " + plan.chats() + " chats, Zipf exponent 1.1; seed " + seed + ".");
            BenchContext context = new BenchContext(plan, infrastructure, kafka, new Launcher(repository, flags, logs),
                    results, seed, connections, new ConcurrentHashMap<>());
            for (Scenario scenario : selected) {
                long scenarioStarted = System.nanoTime();
                log("scenario " + scenario.name());
                try {
                    scenario.run(context);
                    log(String.format("scenario %s done in %.0f s", scenario.name(),
                            (System.nanoTime() - scenarioStarted) / 1e9));
                } catch (Exception | Error e) {
                    log("scenario " + scenario.name() + " failed: " + e);
                    e.printStackTrace();
                    results.failed(scenario.name(), String.valueOf(e));
                }
                // after every scenario, so a run cut short still leaves what it measured
                results.finished((System.nanoTime() - startedNanos) / 1e9);
                write(results, plan, started);
            }
        }
        results.finished((System.nanoTime() - startedNanos) / 1e9);
        Path markdown = write(results, plan, started);
        System.out.println();
        System.out.println(MarkdownReport.render(results, null));
        log(String.format("wrote %s (.json, .png) in %.0f s", markdown, results.wallSeconds()));
        return results.failures().isEmpty() ? 0 : 1;
    }

    private Path write(Results results, Plan plan, Instant started) {
        String base = LocalDate.ofInstant(started, ZoneOffset.UTC) + (plan.name().equals("full") ? "" : "-quick");
        Path markdown = out.resolve(base + ".md");
        JsonReport.write(results, out.resolve(base + ".json"));
        ChartReport.write(results, out.resolve(base + ".png"));
        MarkdownReport.write(results, markdown, base + ".png");
        return markdown;
    }

    private List<Scenario> select() {
        if (only == null || only.isEmpty()) {
            return scenarios();
        }
        List<Scenario> selected = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (only.contains(scenario.name())) {
                selected.add(scenario);
            }
        }
        List<String> known = scenarios().stream().map(Scenario::name).toList();
        for (String name : only) {
            if (!known.contains(name)) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown scenario " + name + "; known: " + known);
            }
        }
        return selected;
    }

    /** Progress on stdout, so a long run shows where it is. */
    static void log(String message) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
    }

}

package org.breadbot.standalone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.FakeTelegram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected while a steady load of updates flows through the whole bot (webhook → Kafka → processor →
 * PostgreSQL → Kafka → sender → Bot API). After each fault: every update the webhook acknowledged is applied exactly
 * once, every reply is delivered, none twice unless the Bot API's answer never came back, and every chat keeps its
 * order. One summary line per fault goes to the output and to {@code target/fault-summary.txt}.
 *
 * <p>The short plan runs in every build; {@code -Pfaults} runs the full one ({@link FaultPlan}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final Path SUMMARY = Path.of("target", "fault-summary.txt");
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static FaultPlan plan;
    private static FaultRig rig;

    /** One fault, injected while the load runs; it notes when the Bot API's answers could be lost. */
    @FunctionalInterface
    interface Fault {
        void inject(List<FaultReport.Window> unanswered) throws Exception;
    }

    @BeforeAll
    static void startRig() throws IOException {
        plan = FaultPlan.fromSystemProperties();
        Files.createDirectories(SUMMARY.getParent());
        Files.writeString(SUMMARY, "# bread-bot fault suite, " + (plan.full() ? "full" : "short") + " plan " + plan
                + ", " + Instant.now() + "\n", StandardCharsets.UTF_8);
        rig = FaultRig.start(plan);
    }

    @AfterAll
    static void stopRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void kafkaBrokerRestart() throws Exception {
        run("kafka-restart", unanswered -> {
            rig.broker.stop();
            ServiceProcess.sleep(plan.outage());
            rig.broker.start();
        });
    }

    @Test
    @Order(2)
    void postgresStopsForAWhile() throws Exception {
        run("postgres-outage", unanswered -> {
            rig.database.stop();
            ServiceProcess.sleep(plan.outage());
            rig.database.start();
        });
    }

    @Test
    @Order(3)
    void processorKilledMidBatchAndStartedAgain() throws Exception {
        run("processor-kill", unanswered -> {
            rig.processor.kill();
            rig.processor.start();
        });
    }

    @Test
    @Order(4)
    void senderKilledBetweenTheBotApiCallAndItsOffsetCommit() throws Exception {
        run("sender-kill", unanswered -> {
            Instant held = Instant.now();
            rig.link.holdAnswers();
            awaitCallsSince(held, Math.max(2, plan.chats() / 3), Duration.ofSeconds(20));
            ServiceProcess.sleep(Duration.ofMillis(300));
            rig.sender.kill();
            unanswered.add(new FaultReport.Window(held, Instant.now()));
            rig.link.releaseAnswers();
            rig.sender.start();
        });
    }

    @Test
    @Order(5)
    void telegramAnswers429Storms() throws Exception {
        run("telegram-429-storm", unanswered -> {
            FakeResponse[] storm = new FakeResponse[plan.storm() * plan.chats()];
            for (int i = 0; i < storm.length; i++) {
                storm[i] = FakeResponse.tooManyRequests(1 + i % 2);
            }
            rig.telegram.script("sendMessage", storm);
        });
    }

    @Test
    @Order(6)
    void telegramAnswers5xx() throws Exception {
        run("telegram-5xx", unanswered -> {
            FakeResponse[] errors = new FakeResponse[plan.storm() * plan.chats()];
            for (int i = 0; i < errors.length; i++) {
                errors[i] = switch (i % 3) {
                    case 0 -> FakeResponse.serverError();
                    case 1 -> FakeResponse.status(502, "<html><body>502 Bad Gateway</body></html>");
                    default -> FakeResponse.status(504, "");
                };
            }
            rig.telegram.script("sendMessage", errors);
        });
    }

    @Test
    @Order(7)
    void telegramTimesOut() throws Exception {
        run("telegram-timeouts", unanswered -> {
            FakeResponse[] hangs = new FakeResponse[plan.chats()];
            Arrays.fill(hangs, FakeResponse.hang());
            rig.telegram.script("sendMessage", hangs);
        });
    }

    @Test
    @Order(8)
    void telegramAnswersSlowly() throws Exception {
        run("telegram-slow", unanswered -> {
            rig.link.delayAnswers(Duration.ofSeconds(2));
            ServiceProcess.sleep(plan.outage().multipliedBy(2));
            rig.link.delayAnswers(Duration.ZERO);
        });
    }

    @Test
    @Order(9)
    void networkToTheBotApiCut() throws Exception {
        run("bot-api-network-cut", unanswered -> {
            Instant cut = Instant.now();
            rig.link.cut();
            ServiceProcess.sleep(plan.outage());
            rig.link.restore();
            // an answer already on its way when the link went down never arrives
            unanswered.add(new FaultReport.Window(cut.minusSeconds(1), Instant.now()));
        });
    }

    @Test
    @Order(10)
    void telegramRedeliversUpdatesItHadAnAnswerFor() throws Exception {
        run("telegram-redelivery", true, unanswered -> {
            // the load posts every third update twice; nothing else goes wrong
        });
    }

    @Test
    @Order(11)
    void everyServiceExposesOnlyHealthAndPrometheus() throws Exception {
        List<String> hidden = List.of("env", "configprops", "beans", "heapdump", "threaddump", "loggers", "metrics",
                "mappings", "info", "conditions", "scheduledtasks", "caches", "startup", "shutdown", "sbom", "logfile",
                "kafkastreamstopology", "liquibase");
        for (int port : List.of(rig.ingressPort(), rig.processor.port(), rig.sender.port())) {
            String links = get(port, "/actuator").body();
            assertThat(links).as("port %d", port).contains("/actuator/health").contains("/actuator/prometheus");
            for (String endpoint : hidden) {
                assertThat(links).as("port %d", port).doesNotContain("/actuator/" + endpoint + "\"");
                assertThat(get(port, "/actuator/" + endpoint).statusCode()).as("%s on port %d", endpoint, port)
                        .isEqualTo(404);
            }
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    /** After all the faults above, with their error logs, retries and dead letters. */
    @Test
    @Order(12)
    void noSecretInAnyServicesLogMetricsOrKafkaRecord() throws Exception {
        String token = FakeTelegram.TOKEN;
        List<String> secrets = List.of(token, token.substring(token.indexOf(':') + 1), FaultRig.WEBHOOK_SECRET,
                FaultRig.DB_PASSWORD);
        List<String> texts = new ArrayList<>();
        for (ServiceProcess service : List.of(rig.processor, rig.sender)) {
            for (Path log : service.logFiles()) {
                texts.add(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        for (int port : List.of(rig.ingressPort(), rig.processor.port(), rig.sender.port())) {
            texts.add(get(port, "/actuator/prometheus").body());
        }
        texts.addAll(rig.allRecords());

        assertThat(texts.stream().mapToInt(String::length).sum()).isGreaterThan(100_000);
        for (String secret : secrets) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private FaultReport run(String name, Fault fault) throws Exception {
        return run(name, false, fault);
    }

    private FaultReport run(String name, boolean redeliver, Fault fault) throws Exception {
        return recordAndCheck(measure(rig, plan, name, redeliver, fault), plan);
    }

    /** Prints the report's line, adds it to {@code target/fault-summary.txt} and asserts the fault did no harm. */
    static FaultReport recordAndCheck(FaultReport report, FaultPlan plan) throws IOException {
        String line = report.summaryLine();
        System.out.println(line);
        Files.writeString(SUMMARY, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertThat(report.problems()).as(line).isEmpty();
        assertThat(report.clean()).as(line).isTrue();
        assertThat(report.acked()).as(line).isEqualTo(plan.chats() * plan.updatesPerChat());
        return report;
    }

    /**
     * Runs the load on the rig, injects the fault, waits for the replies and counts what happened; asserts nothing,
     * so that a mutation check can show the report finding a broken guarantee.
     */
    static FaultReport measure(FaultRig rig, FaultPlan plan, String name, boolean redeliver, Fault fault)
            throws Exception {
        long firstChat = 7_000_000L + RUNS.incrementAndGet() * 10_000L;
        List<FaultReport.Window> unanswered = new CopyOnWriteArrayList<>();
        SteadyLoad load = new SteadyLoad(rig.webhookUrl(), FaultRig.WEBHOOK_SECRET, plan, firstChat);
        if (redeliver) {
            load.redelivering();
        }
        load.start();
        try {
            ServiceProcess.sleep(plan.warmUp());
            fault.inject(unanswered);
            load.await();
        } finally {
            load.stop();
            rig.link.heal();
        }
        Instant loadDone = Instant.now();
        awaitReplies(rig, plan, load.acked());
        Duration drain = Duration.between(loadDone, Instant.now());
        ServiceProcess.sleep(SETTLE);
        try (Connection db = rig.jdbc()) {
            return FaultReport.of(name, load.posted(), load.acked(), load.refusals(), rig.telegram.calls(),
                    unanswered, db, drain);
        }
    }

    /** Until every acked update has a reply Telegram accepted, or the drain time is up. */
    private static void awaitReplies(FaultRig rig, FaultPlan plan, List<SteadyLoad.Posted> acked) {
        Set<List<Long>> wanted = new HashSet<>();
        acked.forEach(posted -> wanted.add(List.of(posted.chatId(), (long) posted.messageId())));
        long deadline = System.nanoTime() + plan.drain().toNanos();
        while (System.nanoTime() < deadline) {
            Set<List<Long>> delivered = new HashSet<>();
            for (ApiCall call : rig.telegram.calls("sendMessage")) {
                if (call.succeeded() && call.replyToMessageId() != null) {
                    delivered.add(List.of(call.chatId(), (long) call.replyToMessageId()));
                }
            }
            if (delivered.containsAll(wanted)) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
    }

    private static void awaitCallsSince(Instant since, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long arrived = rig.telegram.calls("sendMessage").stream().filter(call -> !call.at().isBefore(since))
                    .count();
            if (arrived >= count) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(50));
        }
    }
}

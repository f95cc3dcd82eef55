package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.breadbot.common.kafka.Topics;
import org.breadbot.ingress.IngressApplication;
import org.breadbot.processor.ProcessorApplication;
import org.breadbot.sender.SenderApplication;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Scaling per partition (docs/operations.md): several processors (and two senders) in one consumer group on a
 * 6-partition topic, one joining mid-stream, one killed mid-batch. Every acknowledged update is applied once, every
 * chat's replies arrive in order, nothing is sent twice.
 *
 * <p>A broker of its own, so the topics have 6 partitions whatever other tests created, and a consumer session
 * timeout of 6 s instead of 45 s, so a killed member's partitions move on quickly. The killed processor is a JVM of
 * its own, started from the processor's executable jar (Failsafe runs after {@code package}) and killed with
 * {@link Process#destroyForcibly()}: no shutdown hook, no offset commit, no outbox flush.
 */
class ScaleIT {

    private static final int PARTITIONS = 6;
    private static final int CHATS = 24;
    private static final int ROUNDS = 12;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SECRET = "scale-test-webhook-secret_0123456789";

    private static KraftBroker broker;
    private static TestDatabase database;
    private static FakeTelegram telegram;
    private static Map<String, Object> properties;
    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBrokerDatabaseIngressAndTwoSenders() {
        broker = KraftBroker.builder()
                .defaultPartitions(PARTITIONS)
                .property("group.consumer.session.timeout.ms", "6000")
                .property("group.consumer.min.session.timeout.ms", "3000")
                .property("group.consumer.heartbeat.interval.ms", "1000")
                .property("group.consumer.min.heartbeat.interval.ms", "500")
                .build()
                .start();
        database = TestPostgres.newDatabase();
        database.migrate();
        telegram = FakeTelegram.start();
        properties = RunningBot.serviceProperties(broker.bootstrapServers(), database, telegram, SECRET);
        properties.put("bread-bot.topics.partitions", PARTITIONS);
        // Telegram's limits would only make the test slow; ordering and once-only do not depend on them
        properties.put("bread-bot.sender.limits.chat-messages", 1000);
        properties.put("bread-bot.sender.limits.chat-burst", 1000);
        properties.put("bread-bot.sender.limits.group-messages", 10000);
        properties.put("bread-bot.sender.limits.group-burst", 10000);
        properties.put("bread-bot.sender.limits.global-messages", 10000);
        properties.put("bread-bot.sender.limits.global-burst", 10000);
        services.add(BreadBotStandalone.run(IngressApplication.class, WebApplicationType.REACTIVE, properties));
        services.add(BreadBotStandalone.run(SenderApplication.class, WebApplicationType.NONE, properties));
        services.add(BreadBotStandalone.run(SenderApplication.class, WebApplicationType.NONE, properties));
    }

    @AfterAll
    static void stopEverything() {
        services.forEach(ConfigurableApplicationContext::close);
        if (telegram != null) {
            telegram.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aThirdProcessorJoiningMidStreamTakesPartitionsAndNothingIsLostOrDoubled() {
        List<Long> chats = chats(-6_000_001);
        List<ConfigurableApplicationContext> processors = new ArrayList<>();
        try {
            processors.add(processor(2));
            processors.add(processor(2));
            await().atMost(WAIT).until(() -> assigned(processors) == PARTITIONS);

            for (int round = 0; round < ROUNDS; round++) {
                postRound(chats, round, 700_000_000L);
                if (round == ROUNDS / 3) {
                    processors.add(processor(2));
                }
            }

            assertEveryChatGotItsRepliesOnceInOrder(chats);
            assertThat(appliedUpdates(chats)).isEqualTo(CHATS * ROUNDS);
            await().atMost(WAIT).until(() -> assigned(processors.get(2)).size() == 2);
            assertThat(processors).allSatisfy(processor -> assertThat(assigned(processor)).isNotEmpty());
            assertThat(assigned(processors)).isEqualTo(PARTITIONS);
        } finally {
            processors.forEach(ConfigurableApplicationContext::close);
        }
    }

    @Test
    void aProcessorKilledMidBatchLosesNothingAndDoublesNothing() throws Exception {
        List<Long> chats = chats(-6_100_001);
        // kept next to the test reports, for a look after a failure
        Path log = Path.of("target", "killed-processor.log");
        Files.createDirectories(log.getParent());
        Process killed = startProcessorJvm(log);
        ConfigurableApplicationContext survivor = null;
        try {
            survivor = processor(3);
            ConfigurableApplicationContext inJvm = survivor;
            // 6 consumers on 6 partitions: the survivor holds 3, the other JVM the other 3
            await().atMost(WAIT).until(() -> assigned(inJvm).size() == 3
                    && read(log).contains("partitions assigned: [telegram.updates-"));

            int killedAfter = ROUNDS / 3;
            for (int round = 0; round < ROUNDS; round++) {
                postRound(chats, round, 710_000_000L);
                if (round == killedAfter - 1) {
                    await().atMost(WAIT).until(() -> applied(log) > 0);
                }
                if (round == killedAfter) {
                    killed.destroyForcibly();
                }
            }
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertEveryChatGotItsRepliesOnceInOrder(chats);
            assertThat(appliedUpdates(chats)).isEqualTo(CHATS * ROUNDS);
            assertThat(applied(log)).as("updates the killed processor applied before it died").isPositive();
            await().atMost(WAIT).until(() -> assigned(inJvm).size() == PARTITIONS);
        } finally {
            killed.destroyForcibly();
            if (survivor != null) {
                survivor.close();
            }
        }
    }

    private static List<Long> chats(long first) {
        return LongStream.range(0, CHATS).map(i -> first - i).boxed().toList();
    }

    /** One update per chat, "Хлеб выбери <round>", answered with "<round>"; every post must be acknowledged. */
    private static void postRound(List<Long> chats, int round, long updateIdBase) {
        for (int c = 0; c < chats.size(); c++) {
            long chat = chats.get(c);
            String update = Updates.text("Хлеб выбери " + round).inGroup(chat).from(TestUsers.ALICE)
                    .id(updateIdBase + (long) round * 1_000 + c).messageId(round + 1).json();
            assertThat(post(update)).as("webhook answer for chat %d round %d", chat, round).isEqualTo(200);
        }
    }

    private static void assertEveryChatGotItsRepliesOnceInOrder(List<Long> chats) {
        List<String> expected = Stream.iterate(0, i -> i + 1).limit(ROUNDS).map(String::valueOf).toList();
        for (long chat : chats) {
            await().atMost(WAIT).until(() -> delivered(chat).size() >= ROUNDS);
        }
        // a late duplicate would show up after the last expected reply
        sleep(Duration.ofSeconds(3));
        for (long chat : chats) {
            assertThat(delivered(chat)).as("replies to chat %d", chat).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> delivered(long chat) {
        return telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat && call.succeeded())
                .map(ApiCall::text)
                .toList();
    }

    private static long appliedUpdates(List<Long> chats) {
        String ids = chats.stream().map(String::valueOf).collect(Collectors.joining(","));
        return ((Number) database.query("SELECT count(DISTINCT update_id) AS n FROM processed_updates WHERE chat_id IN ("
                + ids + ")").get(0).get("n")).longValue();
    }

    private static ConfigurableApplicationContext processor(int concurrency) {
        Map<String, Object> own = new HashMap<>(properties);
        own.put("bread-bot.processor.concurrency", concurrency);
        return BreadBotStandalone.run(ProcessorApplication.class, WebApplicationType.NONE, own);
    }

    /** The processor as it ships: its executable jar in a JVM of its own, logging each update it applies. */
    private static Process startProcessorJvm(Path log) throws IOException {
        Path jar = processorJar();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar.toString(),
                "--bread-bot.processor.concurrency=3",
                "--bread-bot.topics.partitions=" + PARTITIONS,
                "--logging.level.org.breadbot.processor.pipeline.UpdateListener=DEBUG"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        properties.forEach((name, value) -> {
            if (name.equals(name.toUpperCase())) {
                builder.environment().put(name, String.valueOf(value));
            }
        });
        return builder.start();
    }

    private static Path processorJar() throws IOException {
        Path target = Path.of("..", "processor", "target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches("processor-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no processor/target/processor-*-exec.jar: run "
                            + "./mvnw package -pl processor -am first (./mvnw verify builds it before this test)"));
        }
    }

    private static long applied(Path log) throws IOException {
        return read(log).lines()
                .filter(line -> line.contains("UpdateListener") && line.endsWith(": applied"))
                .count();
    }

    /** The log so far; the process may be in the middle of writing a character. */
    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int assigned(List<ConfigurableApplicationContext> processors) {
        return processors.stream().mapToInt(processor -> assigned(processor).size()).sum();
    }

    private static Collection<?> assigned(ConfigurableApplicationContext processor) {
        Collection<?> partitions = updatesContainer(processor).getAssignedPartitions();
        return partitions == null ? List.of() : partitions;
    }

    private static ConcurrentMessageListenerContainer<?, ?> updatesContainer(ConfigurableApplicationContext processor) {
        return processor.getBeansOfType(ConcurrentMessageListenerContainer.class).values().stream()
                .filter(container -> Arrays.asList(container.getContainerProperties().getTopics())
                        .contains(Topics.UPDATES))
                .findFirst()
                .orElseThrow();
    }

    private static int post(String body) {
        int port = ((WebServerApplicationContext) services.get(0)).getWebServer().getPort();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

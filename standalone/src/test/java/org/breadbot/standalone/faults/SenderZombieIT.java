package org.breadbot.standalone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Zombie senders fenced (exactly-once issue, item 2), with real processes: one of two senders owns the one replies
 * partition and works through a group's queue of replies at Telegram's pace (a reply a second once the burst is spent, so A
 * is nearly always waiting for the rate limit with the delivery log already checked). A is frozen (SIGSTOP) for
 * longer than the session timeout, sender B gets the partition and sends the rest; then A goes on (SIGCONT), as a
 * sender cut off from Kafka but not from Telegram would. Every reply reaches Telegram once: A's claim is refused,
 * since B took a newer epoch. The control runs the same with the claim switched off (a test-only setting) and
 * sees A send a reply B had sent.
 *
 * <p>A reply whose call was under way at the instant A froze may be sent again by B: the answer was never seen
 * (the documented policy). Such a duplicate is allowed only when its first call came within {@link #IN_FLIGHT} of
 * the freeze, and reported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SenderZombieIT {

    private static final Path ROOT = Path.of("target", "zombies").toAbsolutePath();
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration IN_FLIGHT = Duration.ofMillis(200);
    /** At a reply a second, long enough for the second sender to start and join while the first still sends. */
    private static final int REPLIES = 30;
    /**
     * The control shows that this harness sees a zombie's send. Whether A still sends after it wakes depends on
     * where it was when it froze, and in one CI run (2026-12-08) the unfenced A sent nothing again: the control may
     * try again, with a new chat; the fenced run may not.
     */
    private static final int CONTROL_ATTEMPTS = 3;

    private static KraftBroker broker;
    private static EmbeddedDatabase database;
    private static FakeTelegram telegram;

    @BeforeAll
    static void start() throws Exception {
        FaultRig.deleteRecursively(ROOT);
        long session = SESSION_TIMEOUT.toMillis();
        broker = KraftBroker.builder().defaultPartitions(1).logDirectory(ROOT.resolve("kafka"))
                .property("group.consumer.min.session.timeout.ms", Long.toString(session))
                .property("group.consumer.session.timeout.ms", Long.toString(session))
                .property("group.consumer.min.heartbeat.interval.ms", "1000")
                .property("group.consumer.heartbeat.interval.ms", "1500")
                .build().start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.REPLIES, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        database = EmbeddedDatabase.builder().dataDirectory(ROOT.resolve("postgres"))
                .user("bread_bot", "zombie-db-password").database("bread_bot").build().start();
        new TestDatabase(database.host(), database.port(), database.database(), database.user(), database.password())
                .migrate();
        telegram = FakeTelegram.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {telegram, database, broker}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception ignored) {
                // the next part still closes
            }
        }
    }

    @Test
    @Order(1)
    void aFrozenSenderThatLostItsPartitionSendsNothingTheNewOwnerSent() throws Exception {
        Outcome outcome = freezeTheOwnerMidQueue("fenced", -5_000_000_001L, Map.of());

        assertThat(outcome.unexplainedDuplicates()).as(outcome.toString()).isEmpty();
        assertThat(outcome.delivered()).as(outcome.toString()).isEqualTo(REPLIES);
    }

    @Test
    @Order(2)
    void theControlWithoutTheClaimSeesTheZombieSendAReplyTwice() throws Exception {
        List<Outcome> attempts = new ArrayList<>();
        while (attempts.size() < CONTROL_ATTEMPTS
                && (attempts.isEmpty() || attempts.get(attempts.size() - 1).unexplainedDuplicates().isEmpty())) {
            attempts.add(freezeTheOwnerMidQueue("unfenced-" + attempts.size(), -5_000_000_002L - attempts.size(),
                    Map.of("bread-bot.sender.delivery-log.mutation-no-claim", "true")));
        }

        assertThat(attempts).as(attempts.toString()).anyMatch(outcome -> !outcome.unexplainedDuplicates().isEmpty());
    }

    /** What Telegram received: per reply text, its calls; and which duplicates the freeze does not explain. */
    private record Outcome(Map<String, List<ApiCall>> callsPerReply, Instant frozenAt,
            List<String> unexplainedDuplicates) {

        int delivered() {
            return callsPerReply.size();
        }
    }

    private static Outcome freezeTheOwnerMidQueue(String name, long chat, Map<String, String> settings)
            throws Exception {
        Map<String, String> env = environment(settings);
        try (ServiceProcess a = new ServiceProcess("sender-" + name + "-a", "sender",
                "org.breadbot.sender.SenderApplication", env, freePort(), ROOT.resolve("logs"));
                ServiceProcess b = new ServiceProcess("sender-" + name + "-b", "sender",
                        "org.breadbot.sender.SenderApplication", env, freePort(), ROOT.resolve("logs"))) {
            a.start();
            produceReplies(chat);
            b.start();
            ServiceProcess owner = owning(a, b);
            assertThat(distinctDelivered(chat)).as("the owner is still at work").isLessThan(REPLIES - 5);
            Instant frozenAt = Instant.now();
            owner.pause();
            try {
                awaitDelivered(chat, REPLIES);
            } finally {
                owner.resume();
            }
            // A's rate limit is long overdue: whatever it would still send goes out within moments
            ServiceProcess.sleep(Duration.ofSeconds(5));
            Map<String, List<ApiCall>> perReply = telegram.calls("sendMessage").stream()
                    .filter(call -> call.chatId() == chat && call.succeeded())
                    .collect(Collectors.groupingBy(ApiCall::text, LinkedHashMap::new, Collectors.toList()));
            List<String> unexplained = new ArrayList<>();
            perReply.forEach((text, calls) -> {
                boolean inFlightAtTheFreeze = calls.size() == 2
                        && !calls.get(0).at().isBefore(frozenAt.minus(IN_FLIGHT))
                        && !calls.get(0).at().isAfter(frozenAt.plus(IN_FLIGHT));
                if (calls.size() > 1 && !inFlightAtTheFreeze) {
                    unexplained.add(text + " sent " + calls.size() + " times at "
                            + calls.stream().map(ApiCall::at).toList());
                }
            });
            Outcome outcome = new Outcome(perReply, frozenAt, unexplained);
            System.out.println("sender zombie " + name + ": " + outcome);
            return outcome;
        }
    }

    private static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("DB_HOST", database.host());
        env.put("DB_PORT", Integer.toString(database.port()));
        env.put("DB_NAME", database.database());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", database.password());
        env.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_API_BASE_URL", telegram.baseUrl());
        if (!settings.isEmpty()) {
            env.put("SPRING_APPLICATION_JSON", Json.mapper().writeValueAsString(settings));
        }
        return env;
    }

    private static void produceReplies(long chat) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= REPLIES; i++) {
                ReplyCommand reply = ReplyCommand.text(ReplyCommand.idFor(chat, i, 0), chat, "ответ " + i, null, i,
                        Instant.now());
                producer.send(new ProducerRecord<>(Topics.REPLIES, Long.toString(chat),
                        Json.mapper().writeValueAsBytes(reply))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The sender whose log says it holds the partition now (the second one joining leaves it where it is). */
    private static ServiceProcess owning(ServiceProcess... senders) throws IOException {
        String partition = Topics.REPLIES + "-0]";
        for (ServiceProcess sender : senders) {
            String log = String.join("\n", readLogs(sender));
            int assigned = log.lastIndexOf("Assigned [" + partition);
            if (assigned >= 0 && assigned > log.lastIndexOf("Revoked [" + partition)
                    && assigned > log.lastIndexOf("Lost [" + partition)) {
                return sender;
            }
        }
        throw new AssertionError("no sender holds " + partition);
    }

    private static List<String> readLogs(ServiceProcess sender) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path log : sender.logFiles()) {
            texts.add(java.nio.file.Files.readString(log));
        }
        return texts;
    }

    private static long distinctDelivered(long chat) {
        return telegram.calls("sendMessage").stream().filter(call -> call.chatId() == chat && call.succeeded())
                .map(ApiCall::text).distinct().count();
    }

    private static void awaitDelivered(long chat, int distinct) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (distinctDelivered(chat) < distinct) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(distinct + " replies to " + chat + " not delivered within " + WAIT + ": "
                        + telegram.calls("sendMessage"));
            }
            ServiceProcess.sleep(Duration.ofMillis(50));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

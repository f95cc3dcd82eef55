package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.processor.pipeline.KafkaRecords.awaitReplies;
import static org.breadbot.processor.pipeline.KafkaRecords.header;
import static org.breadbot.processor.pipeline.KafkaRecords.reply;
import static org.breadbot.processor.pipeline.KafkaRecords.sendUpdate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The pipeline end to end: real Kafka, real PostgreSQL, {@link EchoHandler} as the bot logic. */
class UpdatePipelineIT {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000_000));

    private static final Duration BUDGET = Duration.ofSeconds(1);

    private static TestDatabase database;
    private static ConfigurableApplicationContext processor;

    @BeforeAll
    static void startProcessor() {
        TestKafka.createTopics(3, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT);
        database = TestPostgres.newDatabase();
        database.update(EchoHandler.EFFECTS_TABLE);
        processor = PipelineTestApplication.start(database, Map.of(
                "bread-bot.processor.dedup.purge-interval", "1s",
                "bread-bot.processor.update-budget", BUDGET.toMillis() + "ms"));
    }

    @AfterAll
    static void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void updateBecomesOneReplyWithItsDeterministicIdKeyedByItsChat() {
        long chat = newChat();
        long id = nextUpdateId();

        sendUpdate(chat, Updates.text("привет").inGroup(chat).from(TestUsers.ALICE).id(id).messageId(7).json());

        ConsumerRecord<String, byte[]> record = awaitReplies(chat, 1).get(0);
        ReplyCommand reply = reply(record);
        assertThat(record.key()).isEqualTo(Long.toString(chat));
        assertThat(header(record, Headers.UPDATE_ID)).isEqualTo(Long.toString(id));
        assertThat(header(record, Headers.CHAT_ID)).isEqualTo(Long.toString(chat));
        assertThat(reply.id()).isEqualTo(ReplyCommand.idFor(chat, id, 0));
        assertThat(reply.chatId()).isEqualTo(chat);
        assertThat(reply.text()).isEqualTo("echo: привет");
        assertThat(reply.replyToMessageId()).isEqualTo(7);
        assertThat(reply.updateId()).isEqualTo(id);
        assertThat(effects(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(chat) == 0);
    }

    @Test
    void duplicateUpdateIsAppliedOnceAndRepliedOnce() {
        long chat = newChat();
        long id = nextUpdateId();
        long later = nextUpdateId();
        String update = Updates.text("once").inGroup(chat).from(TestUsers.BOB).id(id).json();

        sendUpdate(chat, update);
        sendUpdate(chat, update);
        sendUpdate(chat, Updates.text("after").inGroup(chat).from(TestUsers.BOB).id(later).json());

        awaitReplies(chat, 2);
        assertThat(replyIds(chat)).containsExactly(ReplyCommand.idFor(chat, id, 0), ReplyCommand.idFor(chat, later, 0));
        assertThat(effects(id)).isEqualTo(1);
        assertThat(handler().attempts(id)).isEqualTo(1);
    }

    @Test
    void updateTheHandlerRejectsIsDeadLetteredAtOnceWithItsEffectsRolledBackAndThePartitionMovesOn() {
        long chat = newChat();
        long rejected = nextUpdateId();
        long next = nextUpdateId();
        String secretful = "bad shape at /bot" + FakeTelegram.TOKEN + "/getMe";
        byte[] value = Updates.text("reject:" + secretful).inGroup(chat).from(TestUsers.ALICE).id(rejected).bytes();

        RecordMetadata source = sendUpdate(chat, value);
        sendUpdate(chat, Updates.text("still here").inGroup(chat).from(TestUsers.ALICE).id(next).json());

        assertThat(replyIds(awaitReplies(chat, 1))).containsExactly(ReplyCommand.idFor(chat, next, 0));
        ConsumerRecord<String, byte[]> letter = awaitDeadLetters(chat, 1).get(0);
        assertThat(letter.partition()).isEqualTo(source.partition());
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, Headers.ERROR_CLASS)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(letter, Headers.ERROR_MESSAGE)).contains("bad shape at /bot***/getMe")
                .doesNotContain(FakeTelegram.TOKEN);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains(FakeTelegram.TOKEN);
        assertThat(handler().attempts(rejected)).isEqualTo(1);
        assertThat(effects(rejected)).isZero();
        assertThat(processed(rejected)).isZero();
        assertThat(replyIds(chat)).containsExactly(ReplyCommand.idFor(chat, next, 0));
    }

    @Test
    void handlerBugIsRetriedBrieflyThenDeadLettered() {
        long chat = newChat();
        long buggy = nextUpdateId();
        long next = nextUpdateId();

        sendUpdate(chat, Updates.text("bug:boom").inGroup(chat).from(TestUsers.CAROL).id(buggy).json());
        sendUpdate(chat, Updates.text("fine").inGroup(chat).from(TestUsers.CAROL).id(next).json());

        awaitReplies(chat, 1);
        ConsumerRecord<String, byte[]> letter = awaitDeadLetters(chat, 1).get(0);
        assertThat(header(letter, Headers.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(letter, Headers.ERROR_MESSAGE)).isEqualTo("boom");
        assertThat(handler().attempts(buggy)).isEqualTo(3);
        assertThat(effects(buggy)).isZero();
    }

    @Test
    void aFailingRecordOfABatchLetsTheRecordsBeforeItBeRepliedAndCommittedAndLosesNoneAfterIt() throws Exception {
        long chat = newChat();
        long first = nextUpdateId();
        long second = nextUpdateId();
        long held = nextUpdateId();
        long after = nextUpdateId();
        String name = "batch-" + held;
        handler().hold(name);
        MessageListenerContainer consumers = processor.getBean("updatesListenerContainer",
                MessageListenerContainer.class);

        // stopped while the records arrive, so that one poll brings them all
        consumers.stop();
        RecordMetadata heldRecord;
        try {
            sendUpdate(chat, Updates.text("first").inGroup(chat).from(TestUsers.ALICE).id(first).json());
            sendUpdate(chat, Updates.text("second").inGroup(chat).from(TestUsers.ALICE).id(second).json());
            heldRecord = sendUpdate(chat, Updates.text("hold:" + name).inGroup(chat).from(TestUsers.ALICE).id(held)
                    .json());
            sendUpdate(chat, Updates.text("after").inGroup(chat).from(TestUsers.ALICE).id(after).json());
        } finally {
            consumers.start();
        }

        assertThat(replyIds(awaitReplies(chat, 2))).containsExactly(ReplyCommand.idFor(chat, first, 0),
                ReplyCommand.idFor(chat, second, 0));
        TopicPartition partition = new TopicPartition(Topics.UPDATES, heldRecord.partition());
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(partition) == heldRecord.offset());
        await().atMost(Duration.ofSeconds(30)).until(() -> handler().attempts(held) >= 2);
        assertThat(replyIds(chat)).hasSize(2);
        assertThat(handler().attempts(after)).isZero();

        handler().release(name);

        assertThat(replyIds(awaitReplies(chat, 4))).containsExactly(ReplyCommand.idFor(chat, first, 0),
                ReplyCommand.idFor(chat, second, 0), ReplyCommand.idFor(chat, held, 0),
                ReplyCommand.idFor(chat, after, 0));
        assertThat(List.of(first, second, held, after)).allSatisfy(id -> assertThat(effects(id)).isEqualTo(1));
        assertThat(handler().attempts(first)).isEqualTo(1);
        assertThat(handler().attempts(after)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(partition) > heldRecord.offset() + 1);
    }

    @Test
    void anUpdateComputingPastItsBudgetIsStoppedTriedOnceMoreThenDeadLetteredAndItsChatIsTold() {
        long chat = newChat();
        long other = sharingThePartitionOf(chat);
        long heavy = nextUpdateId();
        long next = nextUpdateId();
        long elsewhere = nextUpdateId();

        byte[] value = Updates.text("spin:60000").inGroup(chat).from(TestUsers.ALICE).id(heavy).messageId(9).bytes();
        sendUpdate(chat, value);
        sendUpdate(chat, Updates.text("next").inGroup(chat).from(TestUsers.ALICE).id(next).json());
        sendUpdate(other, Updates.text("other chat").inGroup(other).from(TestUsers.BOB).id(elsewhere).json());

        ConsumerRecord<String, byte[]> letter = awaitDeadLetters(chat, 1).get(0);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, Headers.ERROR_KIND)).isEqualTo("over-budget");
        assertThat(header(letter, Headers.ERROR_CLASS)).isEqualTo(OverBudgetException.class.getName());
        assertThat(header(letter, Headers.ERROR_MESSAGE)).contains("time budget of 1000 ms");
        List<ConsumerRecord<String, byte[]>> replies = awaitReplies(chat, 2);
        assertThat(replyIds(replies)).containsExactly(ReplyCommand.idFor(chat, heavy, 0) + ":over-budget",
                ReplyCommand.idFor(chat, next, 0));
        assertThat(reply(replies.get(0)).text()).isEqualTo("too heavy: spin:60000");
        assertThat(reply(replies.get(0)).replyToMessageId()).isEqualTo(9);
        assertThat(replyIds(awaitReplies(other, 1))).containsExactly(ReplyCommand.idFor(other, elsewhere, 0));
        assertThat(handler().attempts(heavy)).as("over-budget-attempts").isEqualTo(2);
        assertThat(handler().longestSpinMillis(heavy)).as("the computation stops with its budget")
                .isBetween(BUDGET.toMillis() - 50, BUDGET.toMillis() + 3_000);
        assertThat(handler().spinning()).isZero();
        assertThat(effects(heavy)).isZero();
        assertThat(processed(heavy)).isZero();
        MeterRegistry meters = processor.getBean(MeterRegistry.class);
        assertThat(meters.counter("bread_bot.processor.retries", "kind", "over-budget").count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.counter("bread_bot.processor.dlt", "kind", "over-budget").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUpdateWaitingPastItsBudgetIsCancelledAndRolledBackWithoutAnAnswer() {
        long chat = newChat();
        long slow = nextUpdateId();
        long next = nextUpdateId();

        sendUpdate(chat, Updates.text("slow:60000").inGroup(chat).from(TestUsers.ALICE).id(slow).json());
        sendUpdate(chat, Updates.text("after the slow one").inGroup(chat).from(TestUsers.ALICE).id(next).json());

        assertThat(header(awaitDeadLetters(chat, 1).get(0), Headers.ERROR_KIND)).isEqualTo("over-budget");
        assertThat(replyIds(awaitReplies(chat, 1))).containsExactly(ReplyCommand.idFor(chat, next, 0));
        assertThat(effects(slow)).isZero();
        assertThat(handler().attempts(slow)).isEqualTo(2);
    }

    @Test
    void replyToAnotherChatIsKeyedByThatChatAndIdentifiedByTheUpdatesChat() {
        long chat = newChat();
        long other = newChat();
        long id = nextUpdateId();

        sendUpdate(chat, Updates.text("elsewhere:" + other).inGroup(chat).from(TestUsers.ALICE).id(id).json());

        ConsumerRecord<String, byte[]> record = awaitReplies(other, 1).get(0);
        assertThat(reply(record).id()).isEqualTo(ReplyCommand.idFor(chat, id, 0));
        assertThat(reply(record).chatId()).isEqualTo(other);
        assertThat(header(record, Headers.CHAT_ID)).isEqualTo(Long.toString(other));
        assertThat(replyIds(chat)).isEmpty();
    }

    @Test
    void transientFailureRollsBackAndIsRetriedUntilTheUpdateIsAppliedOnce() {
        long chat = newChat();
        long flaky = nextUpdateId();

        sendUpdate(chat, Updates.text("flaky:once").inGroup(chat).from(TestUsers.BOB).id(flaky).json());

        assertThat(replyIds(awaitReplies(chat, 1))).containsExactly(ReplyCommand.idFor(chat, flaky, 0));
        assertThat(handler().attempts(flaky)).isEqualTo(2);
        assertThat(effects(flaky)).isEqualTo(1);
        assertThat(KafkaRecords.readAll(Topics.UPDATES_DLT, record -> Long.toString(chat).equals(record.key())))
                .isEmpty();
    }

    @Test
    void poisonRecordsAreDeadLetteredAtOnceWithoutBlockingTheirPartition() {
        long chat = newChat();
        long good = nextUpdateId();
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("not json", "not json at all".getBytes(StandardCharsets.UTF_8));
        poison.put("empty", new byte[0]);
        poison.put("tombstone", null);
        poison.put("array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        poison.put("no update_id", "{\"message\":{\"text\":\"hi\"}}".getBytes(StandardCharsets.UTF_8));
        poison.put("string update_id", "{\"update_id\":\"12\"}".getBytes(StandardCharsets.UTF_8));
        poison.put("deep", ("{\"update_id\":1,\"message\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        poison.put("oversized", ("{\"update_id\":2,\"x\":\"" + "a".repeat(100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        poison.put("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});

        poison.values().forEach(value -> sendUpdate(chat, value));
        sendUpdate(chat, Updates.text("good").inGroup(chat).from(TestUsers.ALICE).id(good).json());

        assertThat(replyIds(awaitReplies(chat, 1))).containsExactly(ReplyCommand.idFor(chat, good, 0));
        List<ConsumerRecord<String, byte[]>> letters = awaitDeadLetters(chat, poison.size());
        assertThat(letters).hasSize(poison.size());
        assertThat(letters).extracting(ConsumerRecord::value).containsExactlyElementsOf(poison.values());
        assertThat(letters).allSatisfy(letter -> {
            assertThat(header(letter, Headers.ERROR_CLASS)).isNotBlank();
            assertThat(header(letter, Headers.ERROR_MESSAGE)).isNotBlank();
        });
        assertThat(header(letters.get(0), Headers.ERROR_CLASS)).startsWith("tools.jackson");
        assertThat(header(letters.get(1), Headers.ERROR_CLASS)).isEqualTo(MalformedUpdateException.class.getName());
    }

    @Test
    void repliesOfEveryChatKeepItsUpdateOrder() {
        int chats = 30;
        int rounds = 10;
        List<Long> chatIds = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            chatIds.add(newChat());
        }
        Map<Long, List<String>> expected = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (long chat : chatIds) {
                long id = nextUpdateId();
                String text = (round == rounds / 2 ? "two:" : "") + "round " + round;
                List<String> ids = expected.computeIfAbsent(chat, c -> new ArrayList<>());
                ids.add(ReplyCommand.idFor(chat, id, 0));
                if (text.startsWith("two:")) {
                    ids.add(ReplyCommand.idFor(chat, id, 1));
                }
                sendUpdate(chat, Updates.text(text).inGroup(chat).from(TestUsers.ALICE).id(id).json());
            }
        }

        Set<String> keys = chatIds.stream().map(String::valueOf).collect(Collectors.toCollection(HashSet::new));
        int total = expected.values().stream().mapToInt(List::size).sum();
        List<ConsumerRecord<String, byte[]>> replies = KafkaRecords.await(Topics.REPLIES,
                record -> keys.contains(record.key()), total);

        Map<Long, List<String>> actual = new LinkedHashMap<>();
        replies.forEach(record -> actual.computeIfAbsent(Long.parseLong(record.key()), c -> new ArrayList<>())
                .add(reply(record).id()));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        Set<Integer> partitions = replies.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertThat(partitions).as("chats spread over the partitions").hasSizeGreaterThan(1);
    }

    @Test
    void relayPublishesRepliesACrashLeftInTheOutbox() {
        long chat = newChat();
        long id = nextUpdateId();
        database.update("INSERT INTO processed_updates (update_id, chat_id) VALUES (?, ?)", id, chat);
        for (int position = 0; position < 2; position++) {
            ReplyCommand reply = ReplyCommand.text(ReplyCommand.idFor(chat, id, position), chat, "left " + position,
                    null, id, Instant.now());
            database.update("INSERT INTO outbox (reply_id, chat_id, update_id, payload, created_at) "
                            + "VALUES (?, ?, ?, CAST(? AS jsonb), now() - interval '1 minute')",
                    reply.id(), chat, id, Json.mapper().writeValueAsString(reply));
        }

        List<ConsumerRecord<String, byte[]>> replies = awaitReplies(chat, 2);

        assertThat(replyIds(replies)).containsExactly(ReplyCommand.idFor(chat, id, 0), ReplyCommand.idFor(chat, id, 1));
        assertThat(reply(replies.get(1)).text()).isEqualTo("left 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(chat) == 0);
    }

    @Test
    void processedUpdateIdsAreForgottenAfterTheRetention() {
        long chat = newChat();
        long old = nextUpdateId();
        long recent = nextUpdateId();
        database.update("INSERT INTO processed_updates (update_id, chat_id, processed_at) "
                + "VALUES (?, ?, now() - interval '8 days')", old, chat);
        database.update("INSERT INTO processed_updates (update_id, chat_id, processed_at) "
                + "VALUES (?, ?, now() - interval '1 day')", recent, chat);

        await().atMost(Duration.ofSeconds(15)).until(() -> processed(old) == 0);
        assertThat(processed(recent)).isEqualTo(1);
    }

    @Test
    void readinessIsUpAndPipelineMetricsAreExposed() throws Exception {
        long chat = newChat();
        sendUpdate(chat, Updates.text("metrics").inGroup(chat).from(TestUsers.ALICE).id(nextUpdateId()).json());
        awaitReplies(chat, 1);
        String base = "http://127.0.0.1:" + processor.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(base
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(URI.create(base
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> env = http.send(HttpRequest.newBuilder(URI.create(base
                + "/actuator/env")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(processor.getBean(KafkaHealthIndicator.class).health().block().getStatus()).isEqualTo(Status.UP);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("bread_bot_processor_updates_total{outcome=\"applied\",service=\"processor\"}")
                .contains("bread_bot_processor_updates_total{outcome=\"duplicate\",service=\"processor\"}")
                .contains("bread_bot_processor_updates_total{outcome=\"failed\",service=\"processor\"}")
                .contains("bread_bot_processor_processing_seconds_count")
                .contains("bread_bot_processor_outbox_pending");
        assertThat(env.statusCode()).isEqualTo(404);
    }

    @Test
    void connectionPoolIsThisInstancesShareOfDbMaxPool() {
        ConnectionPool pool = processor.getBean(ConnectionPool.class);

        assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(PoolSizing.maxSize(20, 6));
    }

    private static long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(PipelineConfiguration.GROUP_ID)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    /** Another group chat whose updates share {@code chat}'s partition of {@code telegram.updates} (3). */
    private static long sharingThePartitionOf(long chat) {
        long other = newChat();
        while (partitionOf(other) != partitionOf(chat)) {
            other = newChat();
        }
        return other;
    }

    private static int partitionOf(long chat) {
        byte[] key = Long.toString(chat).getBytes(StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key)) % 3;
    }

    private static EchoHandler handler() {
        return processor.getBean(EchoHandler.class);
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(long chat, int count) {
        return KafkaRecords.await(Topics.UPDATES_DLT, record -> Long.toString(chat).equals(record.key()), count);
    }

    private static List<String> replyIds(long chat) {
        return replyIds(KafkaRecords.readAll(Topics.REPLIES, record -> Long.toString(chat).equals(record.key())));
    }

    private static List<String> replyIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> reply(record).id()).toList();
    }

    private static long effects(long updateId) {
        return count("SELECT count(*) AS n FROM echo_effects WHERE update_id = ?", updateId);
    }

    private static long processed(long updateId) {
        return count("SELECT count(*) AS n FROM processed_updates WHERE update_id = ?", updateId);
    }

    private static long pendingOutbox(long chat) {
        return count("SELECT count(*) AS n FROM outbox WHERE chat_id = ?", chat);
    }

    private static long count(String sql, Object... args) {
        return ((Number) database.query(sql, args).get(0).get("n")).longValue();
    }

    /** A group chat id no other test uses. */
    static long newChat() {
        return -1_000_000_000_000L - ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
    }

    static long nextUpdateId() {
        return UPDATE_IDS.incrementAndGet();
    }
}

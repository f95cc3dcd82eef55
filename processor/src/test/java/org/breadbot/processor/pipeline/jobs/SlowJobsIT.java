package org.breadbot.processor.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.processor.integration.FakeService.Response.json;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.processor.integration.FakeService;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobKind;
import org.breadbot.testsupport.HostileInput;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Slow work through real Kafka and PostgreSQL (issue 4 item 3; docs/architecture.md, "Slow work: the jobs
 * topic"): the whole processor, with its integrations pointed at a local fake service that can be made to hang.
 */
class SlowJobsIT {

    private static final int PARTITIONS = 3;
    private static final Duration HANG = Duration.ofSeconds(10);
    /**
     * Issue 4's bound for the hundred updates. The test also measures the same hundred without any hang and allows
     * half as long again as that when the machine is too busy for 2 s; the hang itself never counts, which the
     * assertion against {@link #HANG} shows.
     */
    private static final String BUDGET_PROPERTY = "bread-bot.slow-jobs.budget";
    private static final Duration BUDGET = Duration.parse(System.getProperty(BUDGET_PROPERTY, "PT2S"));
    private static final AtomicLong CHATS = new AtomicLong(-1_000_000_000_000L - ThreadLocalRandom.current()
            .nextLong(1_000_000, 1_000_000_000));

    private static TestDatabase database;
    private static FakeService service;
    private static ConfigurableApplicationContext processor;
    private static KafkaProducer<String, byte[]> producer;

    private RepliesTap replies;

    @BeforeAll
    static void startProcessor() {
        TestKafka.createTopics(PARTITIONS, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT,
                Topics.JOBS, Topics.JOBS_DLT);
        database = TestPostgres.newDatabase();
        service = FakeService.start();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        processor = JobsTestApplication.start(database, Map.of(
                "bread-bot.topics.partitions", PARTITIONS,
                "bread-bot.integrations.quotes.base-url", service.baseUrl(),
                "bread-bot.integrations.quotes.timeout", "15s",
                "bread-bot.integrations.quotes.retries", 0,
                "bread-bot.integrations.advice.base-url", service.baseUrl(),
                "bread-bot.integrations.jokes.base-url", "",
                "bread-bot.integrations.openai.base-url", service.baseUrl(),
                "bread-bot.integrations.openai.key", "sk-test",
                // long enough that a job answered sooner was handed off by the signal after its commit
                "bread-bot.jobs.relay-interval", "3s"));
    }

    @AfterAll
    static void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void tapReplies() {
        service.reset();
        service.always("/api/1.0/", json("{\"quoteText\":\"Быстрая мудрость\",\"quoteAuthor\":\"Автор\"}"));
        service.always("/api/random", json("{\"id\":1,\"text\":\"Ешь хлеб\"}"));
        replies = new RepliesTap(Topics.REPLIES);
    }

    @AfterEach
    void closeTap() throws InterruptedException {
        replies.close();
    }

    // ---- helpers

    private static int partitionOf(long chatId) {
        return Utils.toPositive(Utils.murmur2(Long.toString(chatId).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** A new group chat id whose records land on {@code partition}. */
    private static long chatOn(int partition) {
        long chat;
        do {
            chat = CHATS.decrementAndGet();
        } while (partitionOf(chat) != partition);
        return chat;
    }

    private static Future<RecordMetadata> send(Updates.Builder update) {
        return producer.send(new ProducerRecord<>(Topics.UPDATES, Long.toString(update.chatId()), update.bytes()));
    }

    private static RecordMetadata sent(Updates.Builder update) {
        try {
            return send(update).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReplyCommand> repliesOf(long chat, int count, Duration timeout) {
        return replies.await(seen -> seen.chatId() == chat, count, timeout).stream().map(RepliesTap.Seen::reply)
                .toList();
    }

    /** Sends a hundred {@code скажи} updates spread over the chats; returns how long until the last was answered. */
    private Duration answerAHundred(List<Long> chats, int partition, String prefix) throws Exception {
        long started = System.currentTimeMillis();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long chat = chats.get(i % chats.size());
            sends.add(send(Updates.text("Хлеб скажи " + prefix + i).inGroup(chat)));
            expected.add(chat + ":" + prefix + i);
        }
        for (Future<RecordMetadata> sendResult : sends) {
            assertThat(sendResult.get().partition()).isEqualTo(partition);
        }
        List<RepliesTap.Seen> answered = replies.await(
                seen -> chats.contains(seen.chatId()) && seen.reply().text().startsWith(prefix), 100,
                Duration.ofSeconds(60));
        assertThat(answered).extracting(seen -> seen.chatId() + ":" + seen.reply().text())
                .containsExactlyInAnyOrderElementsOf(expected);
        long lastWritten = answered.stream().mapToLong(RepliesTap.Seen::writtenAtMillis).max().orElseThrow();
        return Duration.ofMillis(lastWritten - started);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void awaitRequests(FakeService service, String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> service.requests(path).size() >= count);
    }

    // ---- tests

    @Test
    void whileOneChatsServiceHangsForTenSecondsAHundredUpdatesOfOtherChatsOnItsPartitionAreAnsweredWithinTwoSeconds()
            throws Exception {
        int partition = 0;
        long slowChat = chatOn(partition);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(chatOn(partition));
        }
        // every chat registered and the processor warm before the clock starts
        for (long chat : others) {
            send(Updates.text("Хлеб скажи разминка").inGroup(chat));
        }
        for (long chat : others) {
            repliesOf(chat, 1, Duration.ofSeconds(60));
        }
        Duration baseline = answerAHundred(others, partition, "до ");

        service.script("/api/1.0/", json("{\"quoteText\":\"Медленная мудрость\",\"quoteAuthor\":\"Черепаха\"}")
                .delayed(HANG));
        Updates.Builder slowCommand = Updates.text("Хлеб цитата").inGroup(slowChat).messageId(700);
        assertThat(sent(slowCommand).partition()).isEqualTo(partition);
        awaitRequests(service, "/api/1.0/", 1);   // the slow call is now hanging
        Instant hangStarted = Instant.now();
        Duration took = answerAHundred(others, partition, "ответ ");

        Timer processing = processor.getBean(MeterRegistry.class).get("bread_bot.processor.processing").timer();
        System.out.printf("100 updates of other chats answered in %d ms while chat %d's quote hung, %d ms before"
                + " (updates so far: %d, %.1f ms each on average)%n", took.toMillis(), slowChat, baseline.toMillis(),
                processing.count(), processing.mean(TimeUnit.MILLISECONDS));
        assertThat(took).as("all answered while the quote still hung")
                .isLessThan(HANG.minusSeconds(1));
        // a machine too busy to answer a hundred updates in 2 s even without any hang gets half as long again
        Duration budget = max(BUDGET, baseline.multipliedBy(3).dividedBy(2));
        assertThat(took).as("within %s (-D%s=%s, baseline %s)", budget, BUDGET_PROPERTY, BUDGET, baseline)
                .isLessThanOrEqualTo(budget);
        assertThat(replies.seen(seen -> seen.chatId() == slowChat)).isEmpty();

        // the slow chat gets its quote once the service answers, as a reply to its command
        ReplyCommand quote = repliesOf(slowChat, 1, HANG.plusSeconds(30)).get(0);
        assertThat(quote.text()).isEqualTo("Медленная мудрость\n\n© Черепаха");
        assertThat(quote.replyToMessageId()).isEqualTo(700);
        assertThat(quote.id()).isEqualTo(Job.idFor(slowChat, slowCommand.id()) + ":0");
        assertThat(Duration.between(hangStarted, Instant.now())).isGreaterThan(HANG.minusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(slowChat) == 0);
    }

    @Test
    void aChatsLaterUpdatesAreAnsweredInOrderWhileItsOwnJobIsSlowAndTheJobAnswersWhenDone() {
        long chat = chatOn(1);
        CountDownLatch slowQuote = new CountDownLatch(1);
        // held until the later updates are answered (below the quotes' 15 s timeout): a fixed delay lost the race
        // on an overloaded machine
        service.script("/api/1.0/", json("{\"quoteText\":\"Поздно\",\"quoteAuthor\":\"Я\"}")
                .heldUntil(slowQuote, Duration.ofSeconds(12)));

        Updates.Builder command = Updates.text("Хлеб цитата").inGroup(chat).messageId(10);
        send(command);
        awaitRequests(service, "/api/1.0/", 1);
        for (int i = 1; i <= 5; i++) {
            send(Updates.text("Хлеб скажи " + i).inGroup(chat).messageId(10 + i));
        }
        assertThat(repliesOf(chat, 5, Duration.ofSeconds(30))).extracting(ReplyCommand::text)
                .containsExactly("1", "2", "3", "4", "5");
        slowQuote.countDown();

        List<ReplyCommand> all = repliesOf(chat, 6, Duration.ofSeconds(30));
        assertThat(all).extracting(ReplyCommand::text)
                .containsExactly("1", "2", "3", "4", "5", "Поздно\n\n© Я");
        assertThat(all).extracting(ReplyCommand::replyToMessageId).containsExactly(11, 12, 13, 14, 15, 10);
    }

    @Test
    void aHangingJobHoldsUpNoOtherChatsJobsButTheJobsOfOneChatAnswerInTheOrderAsked() {
        long slow = chatOn(2);
        long other = chatOn(2);
        service.script("/api/1.0/", json("{\"quoteText\":\"Медленно\",\"quoteAuthor\":\"Я\"}")
                .delayed(Duration.ofSeconds(4)));

        send(Updates.text("Хлеб цитата").inGroup(slow));
        awaitRequests(service, "/api/1.0/", 1);
        send(Updates.text("Хлеб совет").inGroup(slow));
        long asked = System.currentTimeMillis();
        send(Updates.text("Хлеб совет").inGroup(other));

        RepliesTap.Seen advice = replies.await(seen -> seen.chatId() == other, 1, Duration.ofSeconds(30)).get(0);
        assertThat(advice.reply().text()).isEqualTo("Ешь хлеб");
        assertThat(advice.writtenAtMillis() - asked).isLessThan(1500);
        assertThat(replies.seen(seen -> seen.chatId() == slow)).isEmpty();

        assertThat(repliesOf(slow, 2, Duration.ofSeconds(30))).extracting(ReplyCommand::text)
                .containsExactly("Медленно\n\n© Я", "Ешь хлеб");
    }

    @Test
    void scenario102_anOpenAiJobRepliesThroughTelegramReplies() {
        long chat = chatOn(0);
        database.update("INSERT INTO chats (chat_id, name, morph_answer_chance, is_openai_enabled, created_at,"
                + " updated_at) VALUES (?, 'openai', 0, TRUE, now(), now())", chat);
        service.always("/v1/chat/completions",
                json("{\"choices\":[{\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Нормальный ответ на промт\"}}]}"));

        Updates.Builder command = Updates.text("Хлеб что думаешь про воду").inGroup(chat).messageId(1);
        send(command);

        ReplyCommand reply = repliesOf(chat, 1, Duration.ofSeconds(30)).get(0);
        assertThat(reply.text()).isEqualTo("Нормальный ответ на промт");
        assertThat(reply.chatId()).isEqualTo(chat);
        assertThat(reply.replyToMessageId()).isEqualTo(1);
        assertThat(reply.updateId()).isEqualTo(command.id());
    }

    @Test
    void withoutTheProviderTheBotStillJokesFromItsOwnCollection() {
        long chat = chatOn(1);

        send(Updates.text("Хлеб анекдот").inGroup(chat));

        assertThat(repliesOf(chat, 1, Duration.ofSeconds(30)).get(0).text()).endsWith("\n\n© bread-bot");
    }

    @Test
    void aJobLeftBehindByACrashIsHandedOffAgainAndAnsweredOnce() {
        long chat = chatOn(2);
        Job neverHandedOff = Job.of(JobKind.ADVICE, chat, 9001, 31, null, null, Instant.now());
        Job leaseRanOut = Job.of(JobKind.ADVICE, chat, 9002, 32, null, null, Instant.now());
        insertJob(neverHandedOff, 0, "now()");
        insertJob(leaseRanOut, 1, "now() - interval '1 minute'");

        List<ReplyCommand> answered = repliesOf(chat, 2, Duration.ofSeconds(30));

        assertThat(answered).extracting(ReplyCommand::id)
                .containsExactly(neverHandedOff.replyId(0), leaseRanOut.replyId(0));
        assertThat(answered).extracting(ReplyCommand::replyToMessageId).containsExactly(31, 32);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(chat) == 0);
    }

    @Test
    void aJobDeliveredAgainAfterItWasDoneIsNotRunAgain() throws Exception {
        long chat = chatOn(0);
        Updates.Builder command = Updates.text("Хлеб совет").inGroup(chat);
        send(command);
        repliesOf(chat, 1, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(chat) == 0);
        int calls = service.requests("/api/random").size();

        Job job = Job.of(JobKind.ADVICE, chat, command.id(), command.messageId(), null, null, Instant.now());
        producer.send(new ProducerRecord<>(Topics.JOBS, Long.toString(chat),
                Json.mapper().writeValueAsBytes(job))).get();
        send(Updates.text("Хлеб скажи потом").inGroup(chat));

        assertThat(repliesOf(chat, 2, Duration.ofSeconds(30))).extracting(ReplyCommand::text)
                .containsExactly("Ешь хлеб", "потом");
        Thread.sleep(500);
        assertThat(service.requests("/api/random")).hasSize(calls);
    }

    @Test
    void unreadableJobRecordsAreDeadLetteredAndTheJobsBehindThemStillRun() throws Exception {
        long chat = chatOn(1);
        String job = "{\"id\":\"" + chat + ":1:job\",\"kind\":\"ADVICE\",\"chatId\":%s,\"updateId\":1,"
                + "\"text\":%s}";
        List<byte[]> poisons = List.of("not json".getBytes(StandardCharsets.UTF_8), new byte[0],
                "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                ("{\"id\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                // issue "no chat can stop another", item 8
                job.formatted(chat, HostileInput.nested(HostileInput.DEEP)).getBytes(StandardCharsets.UTF_8),
                job.formatted(HostileInput.digits(HostileInput.LONG_NUMBER), "\"x\"").getBytes(StandardCharsets.UTF_8),
                HostileInput.withInvalidUtf8(job.formatted(chat, "\"" + HostileInput.INVALID_UTF8 + "\"")),
                job.replace("ADVICE", "TELEPORT").formatted(chat, "\"x\"").getBytes(StandardCharsets.UTF_8));
        // readable, or not, as Jackson's coercions go: either way jobs the bot never recorded, which run nothing
        List<byte[]> strangers = List.of(
                job.formatted(chat + ".5", "\"x\"").getBytes(StandardCharsets.UTF_8),
                job.formatted("\"" + chat + "\"", "\"x\"").getBytes(StandardCharsets.UTF_8),
                job.formatted(chat, "\"" + HostileInput.LONE_SURROGATE + "\"").getBytes(StandardCharsets.UTF_8),
                job.formatted(chat, Json.mapper().writeValueAsString(HostileInput.whitespace()))
                        .getBytes(StandardCharsets.UTF_8),
                job.replace("\"chatId\":%s,", "").formatted("\"x\"").getBytes(StandardCharsets.UTF_8));
        try (RepliesTap letters = new RepliesTap(Topics.JOBS_DLT)) {
            for (byte[] poison : poisons) {
                producer.send(new ProducerRecord<>(Topics.JOBS, Long.toString(chat), poison)).get();
            }
            for (byte[] stranger : strangers) {
                producer.send(new ProducerRecord<>(Topics.JOBS, Long.toString(chat), stranger)).get();
            }
            send(Updates.text("Хлеб совет").inGroup(chat));

            assertThat(repliesOf(chat, 1, Duration.ofSeconds(30)).get(0).text()).isEqualTo("Ешь хлеб");
            List<RepliesTap.Seen> dead = letters.await(seen -> seen.chatId() == chat, poisons.size(),
                    Duration.ofSeconds(30));
            assertThat(dead).allSatisfy(seen -> assertThat(seen.record().headers().lastHeader(Headers.ERROR_CLASS))
                    .isNotNull());
        }
    }

    private static void insertJob(Job job, int publications, String publishAfter) {
        database.update("INSERT INTO jobs (job_id, chat_id, update_id, kind, payload, publications, publish_after)"
                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, " + publishAfter + ")", job.id(), job.chatId(),
                job.updateId(), job.kind().name(), Json.mapper().writeValueAsString(job), publications);
    }

    private static long pendingJobs(long chat) {
        return ((Number) database.query("SELECT count(*) AS n FROM jobs WHERE chat_id = ?", chat).get(0).get("n"))
                .longValue();
    }
}

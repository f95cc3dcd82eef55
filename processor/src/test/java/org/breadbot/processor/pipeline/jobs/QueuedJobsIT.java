package org.breadbot.processor.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.processor.integration.FakeService.Response.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.processor.integration.FakeService;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobKind;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Jobs are never dropped silently (issue "no chat can stop another", item 7): with a lease of 3 s, twenty jobs of
 * one chat that take a second each (twenty seconds in all, one at a time) are each answered once, none handed off
 * a second time; a job past its deadline, or handed off too often, gets its chat the failure reply.
 */
class QueuedJobsIT {

    private static final int PARTITIONS = 3;
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final AtomicLong CHATS = new AtomicLong(-1_000_000_000_000L - ThreadLocalRandom.current()
            .nextLong(1_000_000_000, 2_000_000_000));

    private static TestDatabase database;
    private static FakeService service;
    private static ConfigurableApplicationContext processor;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startProcessor() {
        TestKafka.createTopics(PARTITIONS, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT,
                Topics.JOBS, Topics.JOBS_DLT);
        database = TestPostgres.newDatabase();
        service = FakeService.start();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        processor = JobsTestApplication.start(database, Map.of(
                "bread-bot.topics.partitions", PARTITIONS,
                "bread-bot.integrations.quotes.base-url", service.baseUrl(),
                "bread-bot.integrations.quotes.timeout", "10s",
                "bread-bot.integrations.quotes.retries", 0,
                "bread-bot.integrations.advice.base-url", service.baseUrl(),
                "bread-bot.integrations.advice.timeout", "10s",
                "bread-bot.integrations.advice.retries", 0,
                "bread-bot.jobs.lease", LEASE.toMillis() + "ms",
                "bread-bot.jobs.deadline", "2500ms",
                "bread-bot.jobs.max-hand-offs", 2));
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

    @Test
    void twentySlowJobsQueuedInOneChatAreEachAnsweredOnceWhileTheirLeasesRunOutAgainAndAgain() throws Exception {
        service.always("/api/1.0/", json("{\"quoteText\":\"Не спеши\",\"quoteAuthor\":\"Улитка\"}")
                .delayed(Duration.ofSeconds(1)));
        long chat = CHATS.decrementAndGet();
        try (RepliesTap replies = new RepliesTap(Topics.REPLIES); RepliesTap jobs = new RepliesTap(Topics.JOBS)) {
            Instant start = Instant.now();
            for (int i = 1; i <= 20; i++) {
                send(Updates.text("Хлеб цитата").inGroup(chat).messageId(100 + i));
            }

            List<RepliesTap.Seen> answered = replies.await(seen -> seen.chatId() == chat, 20, Duration.ofSeconds(90));
            Duration took = Duration.between(start, Instant.now());
            Thread.sleep(LEASE.toMillis() * 2);

            System.out.printf("jobs: 20 one-second jobs of one chat answered in %d ms with a %d ms lease%n",
                    took.toMillis(), LEASE.toMillis());
            assertThat(answered).extracting(seen -> seen.reply().text()).as("answered by the service, none given up")
                    .containsOnly("Не спеши\n\n© Улитка");
            assertThat(took).as("longer than the lease many times over").isGreaterThan(LEASE.multipliedBy(5));
            List<String> ids = replies.seen(seen -> seen.chatId() == chat).stream()
                    .map(seen -> seen.reply().id()).toList();
            assertThat(ids).as("each job answered once").hasSize(20).doesNotHaveDuplicates();
            assertThat(answered).extracting(seen -> seen.reply().replyToMessageId())
                    .as("in the order asked").containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(101, 120)
                            .boxed().toList());
            assertThat(jobs.seen(seen -> seen.chatId() == chat)).as("each job handed off once").hasSize(20);
            assertThat(service.requests("/api/1.0/")).hasSize(20);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(chat) == 0);
        }
    }

    @Test
    void aJobPastItsDeadlineGetsItsChatTheFailureReplyAndIsForgotten() throws Exception {
        service.script("/api/random", json("{\"id\":1,\"text\":\"Поздний совет\"}").delayed(Duration.ofSeconds(6)));
        long chat = CHATS.decrementAndGet();
        try (RepliesTap replies = new RepliesTap(Topics.REPLIES)) {
            send(Updates.text("Хлеб совет").inGroup(chat).messageId(7));

            ReplyCommand reply = replies.await(seen -> seen.chatId() == chat, 1, Duration.ofSeconds(30)).get(0).reply();
            assertThat(reply.text()).isEqualTo("Не удалось получить совет от провайдера");
            assertThat(reply.replyToMessageId()).isEqualTo(7);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(chat) == 0);
            Thread.sleep(LEASE.toMillis() * 2);
            assertThat(replies.seen(seen -> seen.chatId() == chat)).hasSize(1);
        }
    }

    @Test
    void aJobAskedInAForumTopicIsAnsweredInThatTopic() throws Exception {
        service.script("/api/random", json("{\"id\":2,\"text\":\"Пиши в тему\"}"));
        long chat = CHATS.decrementAndGet();
        try (RepliesTap replies = new RepliesTap(Topics.REPLIES)) {
            send(Updates.text("Хлеб совет").inGroup(chat).inTopic(12).messageId(40));

            ReplyCommand reply = replies.await(seen -> seen.chatId() == chat, 1, Duration.ofSeconds(30)).get(0).reply();
            assertThat(reply.text()).isEqualTo("Пиши в тему");
            assertThat(reply.replyToMessageId()).isEqualTo(40);
            assertThat(reply.messageThreadId()).isEqualTo(12);
        }
    }

    @Test
    void aJobHandedOffTooOftenGetsItsChatTheFailureReplyInsteadOfVanishing() throws Exception {
        long chat = CHATS.decrementAndGet();
        Job job = Job.of(JobKind.QUOTE, chat, 77, 9, null, null, Instant.now());
        try (RepliesTap replies = new RepliesTap(Topics.REPLIES)) {
            database.update("INSERT INTO jobs (job_id, chat_id, update_id, kind, payload, publications, publish_after)"
                    + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), 2, now() - interval '1 minute')", job.id(), chat,
                    job.updateId(), job.kind().name(), Json.mapper().writeValueAsString(job));

            ReplyCommand reply = replies.await(seen -> seen.chatId() == chat, 1, Duration.ofSeconds(30)).get(0).reply();
            assertThat(reply.text()).isEqualTo("Не удалось получить цитату от провайдера");
            assertThat(reply.id()).isEqualTo(job.replyId(0));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingJobs(chat) == 0);
        }
    }

    private static void send(Updates.Builder update) throws Exception {
        producer.send(new ProducerRecord<>(Topics.UPDATES, Long.toString(update.chatId()), update.bytes())).get();
    }

    private static long pendingJobs(long chat) {
        return ((Number) database.query("SELECT count(*) AS n FROM jobs WHERE chat_id = ?", chat).get(0).get("n"))
                .longValue();
    }
}

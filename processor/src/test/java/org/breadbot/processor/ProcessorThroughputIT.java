package org.breadbot.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.telegram.User;
import org.breadbot.common.tracing.Trace;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A measurement, not a check: how many updates per second the real processor (bot logic, PostgreSQL, Kafka) applies
 * and answers on the embedded broker and database. Off by default; run with
 * {@code ./mvnw -B -ntp -o -pl processor verify -Dit.test=ProcessorThroughputIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbread-bot.bench=true} and optionally
 * {@code -Dbread-bot.bench.updates=20000 -Dbread-bot.bench.chats=1000 -Dbread-bot.bench.concurrency=…
 * -Dbread-bot.bench.jfr=/tmp/processor.jfr -Dbread-bot.bench.synchronous-commit=off}.
 *
 * <p>What it does: teaches every chat a trigger and a substring (and so registers chats and members), waits until
 * that is done, stops the update consumers, preloads the measured updates into a 6-partition
 * {@code telegram.updates} exactly as ingress writes them (key = chat id, raw JSON, ingress's headers), starts the
 * consumers and measures until the group's committed offsets reach the end of every partition. The processor
 * commits an offset only after the record's replies are acknowledged, so at that point every update is applied and
 * every reply is on {@code telegram.replies}.
 *
 * <p>The mix: about 60 % plain chat text that gets no reply, 15 % trigger and substring hits, 25 % commands
 * ({@code выбери}, {@code процент}, {@code кто}, {@code топ}), over the chats with Zipf-like activity (exponent
 * 0.8: the busiest chat sends about 6 % of all updates). The embedded PostgreSQL runs with
 * {@code synchronous_commit=off}; the benchmark database sets it back {@code on}, as in production, so every
 * commit waits for its WAL flush.
 */
@EnabledIfSystemProperty(named = "bread-bot.bench", matches = "true")
class ProcessorThroughputIT {

    private static final int PARTITIONS = 6;
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final String TRIGGER = "привет";
    private static final String SUBSTRING = "батон";
    private static final List<String> CHATTER = List.of(
            "ну что, кто сегодня на обед идёт", "я опоздаю минут на десять", "смотрели вчера матч?",
            "погода отличная, пойдём гулять", "кто-нибудь видел мои ключи", "скиньте презентацию пожалуйста",
            "ахахах", "да ладно", "в пятницу собираемся у Пети", "купил новый телефон, пока доволен",
            "а когда дедлайн по отчёту", "спасибо всем", "завтра дождь обещают", "ок", "+1");
    private static final List<String> COMMANDS = List.of(
            "Хлеб выбери чай или кофе", "Хлеб процент", "Хлеб кто молодец", "Хлеб топ");

    private final AtomicLong updateIds = new AtomicLong(1_000_000L);

    @Test
    void measureUpdatesPerSecond() throws Exception {
        int updates = Integer.getInteger("bread-bot.bench.updates", 20_000);
        int chats = Integer.getInteger("bread-bot.bench.chats", 1_000);
        Random random = new Random(42);
        TestKafka.createTopics(PARTITIONS, Topics.UPDATES, Topics.UPDATES_DLT, Topics.REPLIES, Topics.REPLIES_DLT,
                Topics.JOBS, Topics.JOBS_DLT);
        TestDatabase database = TestPostgres.newDatabase();
        database.update("ALTER DATABASE " + database.name() + " SET synchronous_commit = "
                + System.getProperty("bread-bot.bench.synchronous-commit", "on"));
        List<Long> chatIds = chatIds(chats);
        List<User> users = users(50);

        try (ConfigurableApplicationContext processor = start(database);
                KafkaProducer<String, byte[]> producer = producer();
                Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(Topics.UPDATES)).allTopicNames().get()
                    .get(Topics.UPDATES).partitions()).as("partitions of " + Topics.UPDATES).hasSize(PARTITIONS);
            MessageListenerContainer consumers = processor.getBean("updatesListenerContainer",
                    MessageListenerContainer.class);

            long teachStarted = System.nanoTime();
            send(producer, teaching(chatIds, users, random));
            awaitAllCommitted(admin);
            System.out.printf("%nPROCESSOR BENCH: taught %d chats in %.1f s%n", chats,
                    (System.nanoTime() - teachStarted) / 1e9);

            consumers.stop();
            List<ProducerRecord<String, byte[]>> measured = mix(updates, chatIds, users, random);
            send(producer, measured);
            long repliesBefore = endOffsets(admin, Topics.REPLIES);
            Timer processing = processor.getBean(MeterRegistry.class).get("bread_bot.processor.processing").timer();
            long processedBefore = processing.count();
            double processingBefore = processing.totalTime(TimeUnit.NANOSECONDS);

            Recording recording = startRecording();
            long started = System.nanoTime();
            consumers.start();
            awaitAllCommitted(admin);
            double seconds = (System.nanoTime() - started) / 1e9;
            stopRecording(recording);

            long replies = endOffsets(admin, Topics.REPLIES) - repliesBefore;
            double meanMs = (processing.totalTime(TimeUnit.NANOSECONDS) - processingBefore)
                    / Math.max(1, processing.count() - processedBefore) / 1e6;
            System.out.printf("PROCESSOR BENCH: %d updates (%d chats, %d partitions, concurrency %s) in %.1f s: "
                    + "%.0f updates/s; %d replies; mean receive-to-commit %.1f ms per record%n%n", updates, chats,
                    PARTITIONS, processor.getEnvironment().getProperty("bread-bot.processor.concurrency"), seconds,
                    updates / seconds, replies, meanMs);
            assertThat(count(database, "SELECT count(*) AS n FROM outbox")).isZero();
            assertThat(count(database, "SELECT count(*) AS n FROM processed_updates"))
                    .isEqualTo(updates + 2L * chats);
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("bread-bot.topics.partitions", PARTITIONS);
        String concurrency = System.getProperty("bread-bot.bench.concurrency");
        if (concurrency != null) {
            properties.put("bread-bot.processor.concurrency", concurrency);
        }
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(ProcessorApplication.class).run(args.toArray(String[]::new));
    }

    /** Like ingress's producer: acks=all, idempotent; batching is its own business. */
    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Every chat learns the trigger and the substring, from one of its members. */
    private List<ProducerRecord<String, byte[]>> teaching(List<Long> chatIds, List<User> users, Random random) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (long chat : chatIds) {
            records.add(record(chat, pick(users, random), "Хлеб добавь триггер " + TRIGGER + "=Медвед"));
            records.add(record(chat, pick(users, random), "Хлеб добавь подстроку " + SUBSTRING + "=Нарезной!"));
        }
        return records;
    }

    private List<ProducerRecord<String, byte[]>> mix(int count, List<Long> chatIds, List<User> users,
            Random random) {
        double[] cumulative = zipf(chatIds.size(), 0.8);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long chat = chatIds.get(rank(cumulative, random.nextDouble()));
            records.add(record(chat, pick(users, random), text(random)));
        }
        return records;
    }

    private static String text(Random random) {
        double kind = random.nextDouble();
        if (kind < 0.60) {
            return pick(CHATTER, random);
        }
        if (kind < 0.675) {
            return TRIGGER;
        }
        if (kind < 0.75) {
            return "купил " + SUBSTRING + " к ужину";
        }
        return pick(COMMANDS, random);
    }

    /** The record ingress would write for this message: key, raw bytes and headers. */
    private ProducerRecord<String, byte[]> record(long chat, User from, String text) {
        long updateId = updateIds.incrementAndGet();
        byte[] value = Updates.text(text).inGroup(chat).from(from).id(updateId).bytes();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.UPDATES, Long.toString(chat), value);
        header(record, Headers.UPDATE_ID, Long.toString(updateId));
        header(record, Headers.UPDATE_TYPE, "message");
        header(record, Headers.CHAT_ID, Long.toString(chat));
        header(record, Headers.RECEIVED_AT, Long.toString(Instant.now().toEpochMilli()));
        header(record, Headers.SOURCE, Headers.SOURCE_WEBHOOK);
        header(record, Trace.TRACEPARENT, Trace.start().traceparent());
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>(records.size());
        records.forEach(record -> acks.add(producer.send(record)));
        producer.flush();
        for (java.util.concurrent.Future<?> ack : acks) {
            ack.get();
        }
    }

    /** Waits until the processor group's committed offset is the end offset of every partition. */
    private static void awaitAllCommitted(Admin admin) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<TopicPartition, Long> ends = ends(admin, Topics.UPDATES);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets("bread-bot-processor").partitionsToOffsetAndMetadata().get();
            if (ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || (committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() >= end.getValue()))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the processor did not commit every update within " + WAIT);
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        return ends(admin, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A JFR recording of the measured phase (profile settings) when {@code bread-bot.bench.jfr} names a file. */
    private static Recording startRecording() throws Exception {
        String file = System.getProperty("bread-bot.bench.jfr");
        if (file == null || file.isBlank()) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(file));
        recording.start();
        return recording;
    }

    private static void stopRecording(Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("PROCESSOR BENCH: JFR recording in " + System.getProperty("bread-bot.bench.jfr"));
        }
    }

    /** Supergroup ids, one per chat. */
    private static List<Long> chatIds(int chats) {
        List<Long> ids = new ArrayList<>(chats);
        for (int i = 0; i < chats; i++) {
            ids.add(-1_000_000_000_000L - 7_000_000L - i);
        }
        return ids;
    }

    private static List<User> users(int count) {
        List<User> users = new ArrayList<>(List.of(TestUsers.ALICE, TestUsers.BOB, TestUsers.CAROL));
        for (int i = users.size(); i < count; i++) {
            users.add(TestUsers.user(2_000 + i, "Member" + i, "Bench", "member" + i));
        }
        return users;
    }

    /** Cumulative Zipf weights: rank r (from 0) has weight 1 / (r + 1)^exponent. */
    private static double[] zipf(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }

    private static int rank(double[] cumulative, double draw) {
        int index = java.util.Arrays.binarySearch(cumulative, draw);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    private static long count(TestDatabase database, String sql) {
        return ((Number) database.query(sql).get(0).get("n")).longValue();
    }
}

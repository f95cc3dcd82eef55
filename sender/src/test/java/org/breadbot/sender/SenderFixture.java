package org.breadbot.sender;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything a sender test runs against: the embedded broker with a replies topic of its own (one partition, so
 * that chats share it), a fresh migrated database, a fake Telegram, a producer of replies, and the sender itself.
 */
final class SenderFixture implements AutoCloseable {

    final FakeTelegram telegram = FakeTelegram.start();
    final TestDatabase database = TestPostgres.newDatabase();
    final String topic = "telegram.replies.it-" + UUID.randomUUID().toString().substring(0, 8);
    final String deadLetterTopic = topic + Topics.DLT_SUFFIX;
    private final String groupId = "bread-bot-sender-" + topic;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final List<ConfigurableApplicationContext> others = new ArrayList<>();
    private ConfigurableApplicationContext app;

    SenderFixture() {
        this(1);
    }

    SenderFixture(int partitions) {
        database.migrate();
        TestKafka.createTopics(partitions, topic, deadLetterTopic);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
        properties.put("server.port", 0);
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("spring.r2dbc.url", database.r2dbcUrl());
        properties.put("spring.r2dbc.username", database.user());
        properties.put("spring.r2dbc.password", database.password());
        properties.putAll(telegram.springProperties());
        properties.put("telegram.api.request-timeout", "3s");
        properties.put("bread-bot.sender.topic", topic);
        properties.put("bread-bot.sender.group-id", groupId);
        properties.put("bread-bot.sender.revocation-drain-timeout", "5s");
        properties.put("bread-bot.sender.retry.min-backoff", "50ms");
        properties.put("bread-bot.sender.retry.max-backoff", "200ms");
        // generous limits unless a test sets Telegram's
        properties.put("bread-bot.sender.limits.chat-messages", 100);
        properties.put("bread-bot.sender.limits.chat-burst", 100);
        properties.put("bread-bot.sender.limits.group-messages", 1000);
        properties.put("bread-bot.sender.limits.group-burst", 1000);
        properties.put("bread-bot.sender.limits.global-messages", 1000);
        properties.put("bread-bot.sender.limits.global-burst", 1000);
    }

    SenderFixture with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Starts the sender (again, after {@link #stopSender()}). */
    ConfigurableApplicationContext startSender() {
        app = newSender();
        return app;
    }

    /** Starts one more instance of the sender in the same consumer group; closed with the fixture. */
    ConfigurableApplicationContext startAnotherSender() {
        ConfigurableApplicationContext other = newSender();
        others.add(other);
        return other;
    }

    private ConfigurableApplicationContext newSender() {
        String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SenderApplication.class).run(args);
    }

    void stopSender() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    void send(ReplyCommand... replies) {
        for (ReplyCommand reply : replies) {
            sendRaw(Long.toString(reply.chatId()), Json.mapper().writeValueAsBytes(reply));
        }
    }

    /** Produces the replies as fast as the producer batches them, in order, and waits for every acknowledgement. */
    void sendAll(List<ReplyCommand> replies) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (ReplyCommand reply : replies) {
            acks.add(producer.send(new ProducerRecord<>(topic, Long.toString(reply.chatId()),
                    Json.mapper().writeValueAsBytes(reply))));
        }
        try {
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** The offset the sender's group committed on partition 0 of the replies topic, -1 when none. */
    long committedOffset() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            var offset = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(new org.apache.kafka.common.TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the committed offset of " + groupId, e);
        }
    }

    void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** A reply as the processor publishes it, with record headers (trace context, receive time, ...). */
    void send(ReplyCommand reply, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, Long.toString(reply.chatId()),
                Json.mapper().writeValueAsBytes(reply));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** A reply whose record carries the given timestamp, as one written that long ago. */
    void sendAt(ReplyCommand reply, long timestampMillis) {
        try {
            producer.send(new ProducerRecord<>(topic, null, timestampMillis, Long.toString(reply.chatId()),
                    Json.mapper().writeValueAsBytes(reply))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    void sendRaw(String key, String value) {
        sendRaw(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The dead letters written so far (read for a moment from the beginning of the topic). */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TestKafka.consume(deadLetterTopic, 0, Duration.ofSeconds(2));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static ReplyCommand text(long chatId, long updateId, String text) {
        return text(chatId, updateId, text, null);
    }

    static ReplyCommand text(long chatId, long updateId, String text, Integer replyTo) {
        return ReplyCommand.text(ReplyCommand.idFor(chatId, updateId, 0), chatId, text, replyTo, updateId,
                Instant.now());
    }

    static ReplyCommand media(long chatId, long updateId, ReplyMethod method, String fileId, String caption) {
        return ReplyCommand.media(ReplyCommand.idFor(chatId, updateId, 0), chatId, method, fileId, caption, 5,
                updateId, Instant.now());
    }

    /** Texts of the successful sendMessage calls to {@code chatId}, in arrival order. */
    List<String> deliveredTexts(long chatId) {
        List<String> texts = new ArrayList<>();
        telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chatId && call.succeeded())
                .forEach(call -> texts.add(call.text()));
        return texts;
    }

    @Override
    public void close() {
        others.forEach(ConfigurableApplicationContext::close);
        stopSender();
        producer.close(Duration.ofSeconds(5));
        telegram.close();
    }
}

package org.breadbot.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.Updates;
import tools.jackson.databind.JsonNode;

/** A fresh topic on the embedded broker, written as ingress writes telegram.updates (key, raw bytes, headers). */
final class UpdateTopic implements AutoCloseable {

    final String name;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private UpdateTopic(String name) {
        this.name = name;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                // one request at a time: a refused first batch overtaken by the next is never stored (see
                // TestKafka.createTopics), whatever made the partition briefly leaderless
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                // 2 minutes of retries are plenty for a starved 2-core CI machine; a producer stuck for longer is
                // broken, and its failure should show before the CI limit does
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A new topic with {@code partitions} partitions and a name unique to this run. */
    static UpdateTopic create(String prefix, int partitions) {
        String name = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.createTopics(partitions, name);
        return new UpdateTopic(name);
    }

    /** A writer of a topic that exists already. */
    static UpdateTopic existing(String name) {
        return new UpdateTopic(name);
    }

    /** Sends the update as ingress would, with the given record timestamp; waits for the ack. */
    RecordMetadata send(Updates.Builder update, long timestamp) {
        return send(update.bytes(), timestamp);
    }

    RecordMetadata send(byte[] updateJson, long timestamp) {
        JsonNode tree = org.breadbot.common.json.Json.mapper().readTree(updateJson);
        UpdateEnvelope envelope = UpdateEnvelope.of(tree).orElseThrow();
        List<Header> headers = new ArrayList<>();
        headers.add(header(Headers.UPDATE_ID, Long.toString(envelope.updateId())));
        headers.add(header(Headers.UPDATE_TYPE, envelope.type()));
        envelope.chatId().ifPresent(chat -> headers.add(header(Headers.CHAT_ID, Long.toString(chat))));
        headers.add(header(Headers.RECEIVED_AT, Long.toString(timestamp)));
        headers.add(header(Headers.SOURCE, Headers.SOURCE_WEBHOOK));
        return sendRaw(null, Long.toString(envelope.key()), updateJson, timestamp, headers);
    }

    /** Any record at all, for hostile input. */
    RecordMetadata sendRaw(Integer partition, String key, byte[] value, long timestamp, List<Header> headers) {
        try {
            return producer.send(new ProducerRecord<>(name, partition, timestamp, key, value, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a record was not stored in " + name + ": " + e.getCause(), e.getCause());
        }
    }

    /** Sends without waiting; {@link #flush()} waits for all and fails if any was lost. */
    void sendAsync(byte[] updateJson, String key, long timestamp, List<Header> headers) {
        producer.send(new ProducerRecord<>(name, null, timestamp, key, updateJson, headers), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("a record was not stored in " + name + ": " + failure.get(), failure.get());
        }
    }

    static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}

package org.breadbot.processor.pipeline.jobs;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.TestKafka;

/** Everything written to a topic from the moment the tap opens, collected by a thread of its own. */
final class RepliesTap implements AutoCloseable {

    /** A record as read. */
    record Seen(ConsumerRecord<String, byte[]> record) {

        ReplyCommand reply() {
            return Json.mapper().readValue(record.value(), ReplyCommand.class);
        }

        long chatId() {
            return Long.parseLong(record.key());
        }

        /** When the processor's producer wrote it (the record's create time). */
        long writtenAtMillis() {
            return record.timestamp();
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean open = true;

    RepliesTap(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);   // fix the start now, not at the first poll
        poller = new Thread(() -> {
            try (consumer) {
                while (open) {
                    consumer.poll(Duration.ofMillis(50)).forEach(record -> seen.add(new Seen(record)));
                }
            }
        }, "replies-tap-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    List<Seen> seen(Predicate<Seen> filter) {
        return seen.stream().filter(filter).toList();
    }

    List<Seen> await(Predicate<Seen> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Seen> matching = seen(filter);
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("expected " + count + " record(s) within " + timeout + " but saw " + seen(filter).size());
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        poller.join(5000);
    }
}

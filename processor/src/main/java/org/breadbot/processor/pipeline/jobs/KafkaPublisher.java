package org.breadbot.processor.pipeline.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.breadbot.common.kafka.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Puts one record keyed by chat on a topic and completes when the broker has acknowledged it (acks=all). */
final class KafkaPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    KafkaPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    Mono<Void> publish(String topic, long chatId, long updateId, String json) {
        return Mono.fromFuture(() -> template.send(record(topic, chatId, updateId, json)))
                // send() blocks while it waits for metadata; keep that off the event loops
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .then();
    }

    static ProducerRecord<String, byte[]> record(String topic, long chatId, long updateId, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, Long.toString(chatId),
                json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.UPDATE_ID, Long.toString(updateId).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.CHAT_ID, Long.toString(chatId).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

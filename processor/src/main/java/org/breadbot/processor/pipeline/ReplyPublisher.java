package org.breadbot.processor.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Puts one outbox row on {@code telegram.replies} and completes when the broker has acknowledged it (acks=all). */
final class ReplyPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    ReplyPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    Mono<Void> publish(OutboxRow row) {
        return Mono.fromFuture(() -> send(row))
                // send() blocks while it waits for metadata; keep that off the R2DBC event loop
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .then();
    }

    /** Sent under the update's trace, so that a tracing agent's producer span joins it even when the relay sends. */
    private CompletableFuture<SendResult<String, byte[]>> send(OutboxRow row) {
        ProducerRecord<String, byte[]> record = record(row);
        return row.carried().trace()
                .map(trace -> trace.call(() -> template.send(record)))
                .orElseGet(() -> template.send(record));
    }

    static ProducerRecord<String, byte[]> record(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPLIES, Long.toString(row.chatId()),
                row.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.UPDATE_ID, Long.toString(row.updateId()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.CHAT_ID, Long.toString(row.chatId()).getBytes(StandardCharsets.UTF_8));
        row.carried().addTo(record.headers());
        return record;
    }
}

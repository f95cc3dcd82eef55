package org.breadbot.processor.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts outbox rows on {@code telegram.replies} and completes when the broker has acknowledged all of them
 * (acks=all).
 *
 * <p>The rows are sent one after another without waiting for each acknowledgement, then all acknowledgements are
 * awaited: one round trip for a whole flush instead of one per reply. Order within a chat still holds, because the
 * producer is idempotent: the broker appends a partition's records in the order they were sent, and a record whose
 * predecessor has not been appended yet is refused and retried behind it. A record the client refuses before
 * sending it (too large, say) fails its future at once, and no later row is sent after it. Any failure fails the
 * whole flush, whose transaction then keeps every row for the next attempt; rows that did get through are
 * published again and the sender drops them by reply id. What this gives up against waiting for each
 * acknowledgement: if an earlier reply of a chat failed for good on the broker (its delivery timeout ran out, the
 * broker refused that very batch) while a later one sent with it succeeded, the later one is delivered first.
 */
final class ReplyPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    ReplyPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /** Sends the rows in order, then waits for all acknowledgements, at most the publish timeout in all. */
    Mono<Void> publishAll(List<OutboxRow> rows) {
        return Mono.fromCallable(() -> sendInOrder(rows))
                // send() blocks while it waits for metadata; keep that off the R2DBC event loop
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(acks -> Mono.fromFuture(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))))
                .timeout(timeout)
                .then();
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> sendInOrder(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<SendResult<String, byte[]>> ack = send(row);
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        return acks;
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

package org.breadbot.ingress.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.tracing.Trace;

/** Turns an update into its {@code telegram.updates} record (architecture §3). */
final class UpdateRecords {

    private UpdateRecords() {
    }

    /**
     * @param rawUpdate the update exactly as received; stored unchanged so analysts keep every field
     */
    static ProducerRecord<String, byte[]> of(UpdateEnvelope envelope, byte[] rawUpdate, String source,
            Instant receivedAt) {
        return of(envelope, rawUpdate, source, receivedAt, null);
    }

    /** @param trace the W3C trace context of ingress's hop ({@code traceparent}), or null for none */
    static ProducerRecord<String, byte[]> of(UpdateEnvelope envelope, byte[] rawUpdate, String source,
            Instant receivedAt, Trace trace) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.UPDATE_ID, utf8(Long.toString(envelope.updateId())));
        headers.add(Headers.UPDATE_TYPE, utf8(envelope.type()));
        envelope.chatId().ifPresent(chatId -> headers.add(Headers.CHAT_ID, utf8(Long.toString(chatId))));
        headers.add(Headers.RECEIVED_AT, utf8(Long.toString(receivedAt.toEpochMilli())));
        headers.add(Headers.SOURCE, utf8(source));
        if (trace != null) {
            headers.add(Trace.TRACEPARENT, utf8(trace.traceparent()));
        }
        return new ProducerRecord<>(Topics.UPDATES, null, Long.toString(envelope.key()), rawUpdate, headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

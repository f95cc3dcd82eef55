package org.breadbot.bench;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.breadbot.bench.workload.WorkloadUpdate;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;

/**
 * An update as ingress writes it to {@code telegram.updates} (architecture §3): key = chat id, value = the raw
 * bytes, headers update-id, update-type, chat-id, received-at and source. Used to preload the processor's topic
 * and by the producer-alone reference, so both handle exactly ingress's records.
 */
final class IngressRecords {

    private IngressRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, WorkloadUpdate update) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.UPDATE_ID, utf8(Long.toString(update.updateId())));
        headers.add(Headers.UPDATE_TYPE, utf8("message"));
        headers.add(Headers.CHAT_ID, utf8(Long.toString(update.chatId())));
        headers.add(Headers.RECEIVED_AT, utf8(Long.toString(System.currentTimeMillis())));
        headers.add(Headers.SOURCE, utf8(Headers.SOURCE_WEBHOOK));
        return new ProducerRecord<>(topic, null, Long.toString(update.chatId()), update.body(), headers);
    }

    static ProducerRecord<String, byte[]> of(WorkloadUpdate update) {
        return of(Topics.UPDATES, update);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

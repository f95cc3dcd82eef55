package org.breadbot.replay;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;

/**
 * A record of a dead-letter topic and what its headers say about why it is there and where it came from.
 * bread-bot's error policy writes {@link Headers#ERROR_CLASS} and {@link Headers#ERROR_MESSAGE}; spring-kafka's
 * recoverer adds its own {@code kafka_dlt-*} headers (binary numbers for partition and offset), read as a
 * fallback.
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

    static final String SPRING_PREFIX = "kafka_dlt-";
    static final String SPRING_ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String SPRING_ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String SPRING_ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String SPRING_EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    static final String SPRING_EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    /** The processor's recoverer leaves out values too large for a dead letter and notes their size here. */
    static final String VALUE_DROPPED = "dlt-value-dropped-bytes";

    String position() {
        return record.partition() + ":" + record.offset();
    }

    String errorClass() {
        return firstText(Headers.ERROR_CLASS, SPRING_EXCEPTION_CLASS);
    }

    String errorMessage() {
        return firstText(Headers.ERROR_MESSAGE, SPRING_EXCEPTION_MESSAGE);
    }

    String updateId() {
        return text(Headers.UPDATE_ID);
    }

    /** False when the recoverer left the value out (too large), so the original cannot be rebuilt. */
    boolean keptValue() {
        return record.headers().lastHeader(VALUE_DROPPED) == null;
    }

    String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** The topic the record failed on: the recoverer's header, else the DLT's name without {@code .dlt}. */
    String sourceTopic() {
        String original = text(SPRING_ORIGINAL_TOPIC);
        if (original != null && !original.isBlank()) {
            return original;
        }
        String dlt = record.topic();
        return dlt.endsWith(Topics.DLT_SUFFIX) ? dlt.substring(0, dlt.length() - Topics.DLT_SUFFIX.length()) : dlt;
    }

    String sourcePartition() {
        return number(SPRING_ORIGINAL_PARTITION);
    }

    String sourceOffset() {
        return number(SPRING_ORIGINAL_OFFSET);
    }

    /** The headers the record had before it failed: without the error headers of either kind. */
    RecordHeaders originalHeaders() {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            String name = header.key();
            if (!name.equals(Headers.ERROR_CLASS) && !name.equals(Headers.ERROR_MESSAGE)
                    && !name.equals(VALUE_DROPPED) && !name.startsWith(SPRING_PREFIX)) {
                headers.add(name, header.value());
            }
        }
        return headers;
    }

    /** All headers as text, binary spring-kafka numbers decoded. */
    Map<String, String> headersAsText() {
        Map<String, String> text = HeaderValues.asText(record.headers());
        for (String numeric : new String[] {SPRING_ORIGINAL_PARTITION, SPRING_ORIGINAL_OFFSET,
                "kafka_dlt-original-timestamp"}) {
            if (text.containsKey(numeric)) {
                text.put(numeric, number(numeric));
            }
        }
        return text;
    }

    private String firstText(String name, String fallback) {
        String value = text(name);
        return value != null ? value : text(fallback);
    }

    private String text(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : HeaderValues.text(header.value());
    }

    private String number(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : HeaderValues.number(header.value());
    }
}

package org.breadbot.processor.pipeline;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.secret.Secrets;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import reactor.core.Exceptions;

/**
 * Sends a failed record to {@code <topic>.dlt}, same partition number, value and key unchanged, with
 * {@link org.breadbot.common.kafka.Headers#ERROR_CLASS}, {@link org.breadbot.common.kafka.Headers#ERROR_KIND} and a
 * masked, bounded
 * {@link org.breadbot.common.kafka.Headers#ERROR_MESSAGE} instead of spring-kafka's unmasked exception headers.
 * A value too large to fit a dead letter is left out, so that even such a record cannot block its partition.
 */
final class DeadLetters extends DeadLetterPublishingRecoverer {

    /** Set on a dead letter whose value was left out; holds the original size in bytes. */
    static final String VALUE_DROPPED = "dlt-value-dropped-bytes";

    static final int MAX_MESSAGE_CHARS = 1000;

    private final int maxValueBytes;

    DeadLetters(KafkaOperations<?, ?> template, int maxValueBytes) {
        super(template, DeadLetters::destination);
        this.maxValueBytes = maxValueBytes;
        setExceptionHeadersCreator(DeadLetters::addErrorHeaders);
    }

    private static TopicPartition destination(ConsumerRecord<?, ?> record, Exception failure) {
        return new TopicPartition(record.topic() + Topics.DLT_SUFFIX, record.partition());
    }

    private static void addErrorHeaders(Headers headers, Exception failure, boolean isKey,
            DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable cause = unwrap(failure);
        headers.add(org.breadbot.common.kafka.Headers.ERROR_CLASS,
                cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(org.breadbot.common.kafka.Headers.ERROR_MESSAGE,
                errorMessage(cause).getBytes(StandardCharsets.UTF_8));
        headers.add(org.breadbot.common.kafka.Headers.ERROR_KIND,
                FailureKind.of(failure).tag().getBytes(StandardCharsets.UTF_8));
    }

    /** The exception the listener threw, without spring-kafka's and Reactor's wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = Exceptions.unwrap(failure);
        while ((current instanceof ListenerExecutionFailedException || current instanceof BatchListenerFailedException)
                && current.getCause() != null) {
            current = Exceptions.unwrap(current.getCause());
        }
        return current;
    }

    /** The message and, when different, the root cause's; tokens masked, at most {@link #MAX_MESSAGE_CHARS}. */
    static String errorMessage(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause) {
            message += " (root cause " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        String masked = Secrets.mask(message);
        return masked.length() <= MAX_MESSAGE_CHARS ? masked : masked.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition destination, Headers headers, byte[] key, byte[] value) {
        ProducerRecord<Object, Object> letter = super.createProducerRecord(record, destination, headers, key, value);
        if (letter.value() instanceof byte[] bytes && bytes.length > maxValueBytes) {
            Headers withNote = new RecordHeaders(letter.headers().toArray());
            withNote.add(VALUE_DROPPED, Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            return new ProducerRecord<>(letter.topic(), letter.partition(), letter.timestamp(), letter.key(), null,
                    withNote);
        }
        return letter;
    }
}

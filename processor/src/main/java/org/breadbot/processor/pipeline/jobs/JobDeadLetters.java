package org.breadbot.processor.pipeline.jobs;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.secret.Secrets;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Sends an unreadable {@code telegram.jobs} record to {@code telegram.jobs.dlt}, same partition, unchanged, with
 * {@link Headers#ERROR_CLASS} and a masked, bounded {@link Headers#ERROR_MESSAGE} (the processor's dead-letter
 * convention).
 */
final class JobDeadLetters extends DeadLetterPublishingRecoverer {

    private static final int MAX_MESSAGE_CHARS = 1000;

    JobDeadLetters(KafkaOperations<?, ?> template) {
        super(template, (record, failure) -> new TopicPartition(Topics.JOBS_DLT, record.partition()));
        setExceptionHeadersCreator((headers, failure, isKey, names) -> {
            Throwable cause = unwrap(failure);
            headers.add(Headers.ERROR_CLASS, cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
            String message = Secrets.mask(String.valueOf(cause.getMessage()));
            if (message.length() > MAX_MESSAGE_CHARS) {
                message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
            }
            headers.add(Headers.ERROR_MESSAGE, message.getBytes(StandardCharsets.UTF_8));
        });
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof ListenerExecutionFailedException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

package org.breadbot.sender;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.secret.Secrets;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a record to the replies dead-letter topic with the same key and value, through the one
 * {@link DeadLetterPublishingRecoverer} of the service, which also serves the container's error handler.
 */
final class DeadLetters {

    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetters(DeadLetterPublishingRecoverer recoverer) {
        this.recoverer = recoverer;
    }

    /** Completes once the broker has the dead letter; fails when it could not be written. */
    Mono<Void> publish(ConsumerRecord<String, byte[]> record, Throwable error) {
        Exception exception = error instanceof Exception e ? e : new IllegalStateException(error);
        // the recoverer waits for the broker's answer, so it runs where blocking is allowed
        return Mono.<Void>fromRunnable(() -> recoverer.accept(record, exception))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** {@link Headers#ERROR_CLASS} and {@link Headers#ERROR_MESSAGE} (masked) of a dead letter. */
    static org.apache.kafka.common.header.Headers errorHeaders(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable error = exception instanceof ListenerExecutionFailedException && exception.getCause() != null
                ? exception.getCause()
                : exception;
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.ERROR_CLASS, error.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(Headers.ERROR_MESSAGE,
                Secrets.mask(String.valueOf(error.getMessage())).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}

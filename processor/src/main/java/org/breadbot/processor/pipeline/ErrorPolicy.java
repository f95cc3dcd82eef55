package org.breadbot.processor.pipeline;

import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * The processor's one error policy for {@code telegram.updates}.
 * <ul>
 *   <li>Poison (not JSON, no {@code update_id}, wrong shape: {@link JacksonException},
 *       {@link IllegalArgumentException}) goes to the DLT at once.</li>
 *   <li>{@linkplain Transience Transient} failures (PostgreSQL or Kafka unavailable) are retried with exponential
 *       back-off and no limit: an outage holds the partition back but never dead-letters good updates.</li>
 *   <li>Anything else (a bug the update triggers) is retried a few times, then dead-lettered.</li>
 * </ul>
 * Each retry seeks back and polls again, so long waits never exceed {@code max.poll.interval.ms}.
 */
final class ErrorPolicy {

    private static final Logger log = LoggerFactory.getLogger(ErrorPolicy.class);

    private ErrorPolicy() {
    }

    static DefaultErrorHandler errorHandler(DeadLetters deadLetters, PipelineMetrics metrics,
            ProcessorProperties.Retry retry) {
        DefaultErrorHandler handler = new DefaultErrorHandler(counting(deadLetters, metrics), otherFailures(retry));
        handler.setBackOffFunction((record, failure) -> Transience.isTransient(failure) ? transientFailures(retry)
                : null);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }

    private static ConsumerAwareRecordRecoverer counting(DeadLetters deadLetters, PipelineMetrics metrics) {
        return (record, consumer, failure) -> {
            deadLetters.accept(record, consumer, failure);
            metrics.deadLettered();
            log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    Secrets.mask(String.valueOf(DeadLetters.unwrap(failure))));
        };
    }

    static BackOff transientFailures(ProcessorProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.transientInitial().toMillis(), 2.0);
        backOff.setMaxInterval(retry.transientMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    static BackOff otherFailures(ProcessorProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.otherAttempts());
        backOff.setInitialInterval(retry.otherInterval().toMillis());
        backOff.setMultiplier(2.0);
        return backOff;
    }
}

package org.breadbot.processor.pipeline;

import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * The processor's one error policy for {@code telegram.updates}: {@link FailureKind} says what went wrong, this
 * says what happens then. Every kind has a bound; past it the record is dead-lettered with its kind in the
 * {@code error-kind} header, and the partition goes on.
 * <ul>
 *   <li>{@link FailureKind#POISON}: dead-lettered at once.</li>
 *   <li>{@link FailureKind#OVER_BUDGET}: tried {@code over-budget-attempts} times in all (2), then dead-lettered;
 *       an update addressed to the bot gets a short reply that it was too heavy.</li>
 *   <li>{@link FailureKind#CONTENTION}: exponential back-off, {@code contention-attempts} in all (6, about
 *       45 s), longer than PostgreSQL takes to end a stalled transaction holding the rows.</li>
 *   <li>{@link FailureKind#UNAVAILABLE}: exponential back-off up to {@code transient-max} (30 s) for
 *       {@code unavailable-max-elapsed} (24 h): an outage holds the partition back but does not dead-letter good
 *       updates; only one that outlasts a day does, one record per partition per day.</li>
 *   <li>{@link FailureKind#BUG}: retried {@code other-attempts} (2) times, then dead-lettered.</li>
 * </ul>
 * Each retry seeks back and polls again, so long waits never exceed {@code max.poll.interval.ms}; every retry is
 * counted in {@code bread_bot_processor_retries_total{kind}}, every dead letter in
 * {@code bread_bot_processor_dlt_total}.
 */
final class ErrorPolicy {

    private static final Logger log = LoggerFactory.getLogger(ErrorPolicy.class);

    private ErrorPolicy() {
    }

    /**
     * @param overBudget answers the chat of an update dead-lettered for being over budget; never throws
     */
    static DefaultErrorHandler errorHandler(DeadLetters deadLetters, PipelineMetrics metrics,
            ProcessorProperties.Retry retry, OverBudgetReplies overBudget) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(deadLetters, metrics, overBudget),
                backOff(FailureKind.BUG, retry));
        handler.setBackOffFunction((record, failure) -> backOff(FailureKind.of(failure), retry));
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        handler.setRetryListeners(counting(metrics));
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }

    private static ConsumerAwareRecordRecoverer recoverer(DeadLetters deadLetters, PipelineMetrics metrics,
            OverBudgetReplies overBudget) {
        return (record, consumer, failure) -> {
            FailureKind kind = FailureKind.of(failure);
            deadLetters.accept(record, consumer, failure);
            metrics.deadLettered(kind);
            log.warn("Dead-lettered {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(),
                    kind.tag(), Secrets.mask(String.valueOf(DeadLetters.unwrap(failure))));
            if (kind == FailureKind.OVER_BUDGET) {
                overBudget.answer(record);
            }
        };
    }

    private static RetryListener counting(PipelineMetrics metrics) {
        return (record, failure, attempt) -> metrics.failedAttempt(FailureKind.of(failure));
    }

    /** The back-off of a kind; null for poison, which the handler never retries. */
    static BackOff backOff(FailureKind kind, ProcessorProperties.Retry retry) {
        return switch (kind) {
            case POISON -> null;
            case OVER_BUDGET -> fixedAttempts(retry.overBudgetAttempts(), retry.otherInterval().toMillis(), 1.0);
            case CONTENTION -> fixedAttempts(retry.contentionAttempts(), retry.transientInitial().toMillis(), 2.0);
            case UNAVAILABLE -> untilElapsed(retry);
            case BUG -> fixedAttempts(retry.otherAttempts() + 1, retry.otherInterval().toMillis(), 2.0);
        };
    }

    /** {@code attempts} in all, the first included, waiting {@code initialMillis} × {@code multiplier}ⁿ between. */
    private static BackOff fixedAttempts(int attempts, long initialMillis, double multiplier) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, attempts - 1));
        backOff.setInitialInterval(initialMillis);
        backOff.setMultiplier(multiplier);
        return backOff;
    }

    private static BackOff untilElapsed(ProcessorProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.transientInitial().toMillis(), 2.0);
        backOff.setMaxInterval(retry.transientMax().toMillis());
        backOff.setMaxElapsedTime(retry.unavailableMaxElapsed().toMillis());
        return backOff;
    }
}

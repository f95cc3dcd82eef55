package org.breadbot.processor.pipeline;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.core.JacksonException;

/**
 * What went wrong with a record, in the one place that decides it; {@link ErrorPolicy} gives each kind its retries,
 * back-off and bound. Looked for along the cause chain, in this order.
 */
enum FailureKind {

    /** Not an update at all (not JSON, no {@code update_id}, wrong shape): dead-lettered at once. */
    POISON,
    /** The update took longer than its {@link Budget}: heavy by what it asks, retried once, then dead-lettered. */
    OVER_BUDGET,
    /**
     * PostgreSQL gave up waiting ({@code lock_timeout}, {@code statement_timeout}) or broke a deadlock: someone
     * else holds the chat's rows, e.g. a paused processor's open transaction until PostgreSQL ends it
     * ({@code idle_in_transaction_session_timeout}); retried with back-off for longer than that, then
     * dead-lettered.
     */
    CONTENTION,
    /** PostgreSQL or Kafka unreachable, slow or failing over: retried with back-off until long past any outage. */
    UNAVAILABLE,
    /** Anything else, a bug the update triggers: retried twice, then dead-lettered. */
    BUG;

    /** SQL states of waits PostgreSQL gave up: lock_not_available, query_canceled, deadlock, serialization. */
    private static final Set<String> CONTENTION_STATES = Set.of("55P03", "57014", "40P01", "40001");

    private static final List<Class<? extends Throwable>> POISONS =
            List.of(JacksonException.class, IllegalArgumentException.class);

    private static final List<Class<? extends Throwable>> UNAVAILABLE_TYPES = List.of(
            TransientDataAccessException.class,
            DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class,
            CannotCreateTransactionException.class,
            TransactionSystemException.class,
            R2dbcTransientException.class,
            // R2DBC's name for "could not connect / connection lost"
            R2dbcNonTransientResourceException.class,
            RetriableException.class,
            TimeoutException.class,
            IOException.class);

    /** Bounds the cause walk so that a cyclic chain cannot loop. */
    private static final int MAX_DEPTH = 32;

    /** The value of the {@code error-kind} header and the {@code kind} tag of the retry meters. */
    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static FailureKind of(Throwable failure) {
        if (anyInChain(failure, POISONS)) {
            return POISON;
        }
        if (anyInChain(failure, List.of(OverBudgetException.class))) {
            return OVER_BUDGET;
        }
        if (isContention(failure)) {
            return CONTENTION;
        }
        return anyInChain(failure, UNAVAILABLE_TYPES) ? UNAVAILABLE : BUG;
    }

    private static boolean isContention(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && CONTENTION_STATES.contains(r2dbc.getSqlState())) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean anyInChain(Throwable failure, List<Class<? extends Throwable>> types) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(current)) {
                    return true;
                }
            }
            current = current.getCause();
        }
        return false;
    }
}

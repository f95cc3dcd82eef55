package org.breadbot.processor.pipeline;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells failures of the infrastructure (PostgreSQL or Kafka unreachable, slow or failing over) from failures of
 * the record. The former are retried until the infrastructure is back, because dead-lettering good updates during
 * an outage would lose them; the latter are retried briefly and then dead-lettered.
 */
final class Transience {

    /** Any of these anywhere in the cause chain marks a failure as transient. */
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
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

    private Transience() {
    }

    static boolean isTransient(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            for (Class<? extends Throwable> type : TRANSIENT) {
                if (type.isInstance(current)) {
                    return true;
                }
            }
            current = current.getCause();
        }
        return false;
    }
}

package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.Exceptions;
import tools.jackson.core.exc.StreamReadException;

class FailureKindTest {

    @Test
    void aRecordThatIsNoUpdateIsPoison() {
        assertThat(FailureKind.of(new MalformedUpdateException("no update_id"))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new ListenerExecutionFailedException("failed",
                new BatchListenerFailedException("update failed", new StreamReadException(null, "not JSON"), 0))))
                .isEqualTo(FailureKind.POISON);
    }

    @Test
    void anUpdateOverItsBudgetIsOverBudgetThroughTheListenersWrappers() {
        Exception failure = new ListenerExecutionFailedException("failed", new BatchListenerFailedException(
                "update failed", Exceptions.propagate(new OverBudgetException(Duration.ofSeconds(5))), 2));

        assertThat(FailureKind.of(failure)).isEqualTo(FailureKind.OVER_BUDGET);
    }

    @Test
    void lockAndStatementTimeoutsAreContentionNotAnOutage() {
        R2dbcException lock = new R2dbcNonTransientResourceException("canceling statement due to lock timeout",
                "55P03");
        R2dbcException statement = new R2dbcTimeoutException("canceling statement due to statement timeout",
                "57014");

        assertThat(FailureKind.of(new CannotAcquireLockException("lock", lock))).isEqualTo(FailureKind.CONTENTION);
        assertThat(FailureKind.of(new QueryTimeoutException("slow", statement))).isEqualTo(FailureKind.CONTENTION);
        assertThat(FailureKind.of(new R2dbcException("deadlock detected", "40P01") {
        })).isEqualTo(FailureKind.CONTENTION);
    }

    @Test
    void databaseOrKafkaUnreachableIsUnavailable() {
        var connect = new R2dbcNonTransientResourceException("Connection refused", new ConnectException("refused"));
        var metadata = new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata");

        assertThat(FailureKind.of(new CannotCreateTransactionException("no connection", connect)))
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(FailureKind.of(new DataAccessResourceFailureException("down", connect)))
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(FailureKind.of(new KafkaException("send failed", metadata)))
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(FailureKind.of(new ListenerExecutionFailedException("failed",
                Exceptions.propagate(new TimeoutException("no connection in 30s"))))).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void anythingElseIsABug() {
        assertThat(FailureKind.of(new IllegalStateException("bug"))).isEqualTo(FailureKind.BUG);
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.BUG);
        assertThat(FailureKind.of(new DataIntegrityViolationException("constraint"))).isEqualTo(FailureKind.BUG);
    }

    @Test
    void aCyclicCauseChainEnds() {
        IllegalStateException first = new IllegalStateException("a");
        IllegalStateException second = new IllegalStateException("b", first);
        first.initCause(second);

        assertThat(FailureKind.of(first)).isEqualTo(FailureKind.BUG);
    }

    @Test
    void tagsAreTheHeaderValues() {
        assertThat(FailureKind.OVER_BUDGET.tag()).isEqualTo("over-budget");
        assertThat(FailureKind.POISON.tag()).isEqualTo("poison");
    }
}

package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.Exceptions;

class TransienceTest {

    @Test
    void databaseUnreachableIsTransient() {
        var connect = new R2dbcNonTransientResourceException("Connection refused", new ConnectException("refused"));

        assertThat(Transience.isTransient(new CannotCreateTransactionException("no connection", connect))).isTrue();
        assertThat(Transience.isTransient(new DataAccessResourceFailureException("down", connect))).isTrue();
        assertThat(Transience.isTransient(new R2dbcTimeoutException("slow"))).isTrue();
    }

    @Test
    void kafkaUnavailableIsTransient() {
        var timeout = new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata");

        assertThat(Transience.isTransient(new KafkaProducerException(null, "send failed", timeout))).isTrue();
    }

    @Test
    void wrappersAreLookedThrough() {
        Throwable processingTimeout = Exceptions.propagate(new TimeoutException("no answer in 30s"));

        assertThat(Transience.isTransient(new ListenerExecutionFailedException("failed", processingTimeout)))
                .isTrue();
    }

    @Test
    void bugsAndBadDataAreNotTransient() {
        assertThat(Transience.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(Transience.isTransient(new NullPointerException())).isFalse();
        assertThat(Transience.isTransient(new DataIntegrityViolationException("constraint"))).isFalse();
        assertThat(Transience.isTransient(new ListenerExecutionFailedException("failed",
                new IllegalArgumentException("bad update")))).isFalse();
    }

    @Test
    void aCyclicCauseChainEnds() {
        IllegalStateException first = new IllegalStateException("a");
        IllegalStateException second = new IllegalStateException("b", first);
        first.initCause(second);

        assertThat(Transience.isTransient(first)).isFalse();
    }
}

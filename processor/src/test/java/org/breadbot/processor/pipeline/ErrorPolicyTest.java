package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.GroupProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class ErrorPolicyTest {

    private static final ProcessorProperties.Retry RETRY = new ProcessorProperties.Retry(Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofHours(24), 6, 2, 2, Duration.ofMillis(500));

    @Test
    void everyKindOfFailureHasABoundAndPoisonIsNeverRetried() {
        assertThat(ErrorPolicy.backOff(FailureKind.POISON, RETRY)).isNull();
        assertThat(waits(FailureKind.OVER_BUDGET)).containsExactly(500L);
        assertThat(waits(FailureKind.BUG)).containsExactly(500L, 1000L);
        assertThat(waits(FailureKind.CONTENTION)).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L);
    }

    @Test
    void anUnavailableDatabaseOrBrokerIsWaitedOutForADayAtMostThirtySecondsApart() {
        List<Long> waits = waits(FailureKind.UNAVAILABLE);

        assertThat(waits).startsWith(1000L, 2000L, 4000L, 8000L, 16000L, 30000L);
        assertThat(waits).allMatch(wait -> wait <= 30_000);
        long total = waits.stream().mapToLong(Long::longValue).sum();
        assertThat(Duration.ofMillis(total)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    /** The waits a record of this kind gets between its attempts, until the policy gives up. */
    private static List<Long> waits(FailureKind kind) {
        BackOffExecution execution = ErrorPolicy.backOff(kind, RETRY).start();
        List<Long> waits = new ArrayList<>();
        for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
            waits.add(wait);
            assertThat(waits).as("bounded").hasSizeLessThan(10_000);
        }
        return waits;
    }

    @Test
    void deadLetterMessageMasksTokensAndIsBounded() {
        String token = "123456789:AAHfakeTokenForTests_abcdefghijklmnop";
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("call to /bot" + token + "/sendMessage failed " + "x".repeat(5000)));

        Throwable cause = DeadLetters.unwrap(failure);
        String message = DeadLetters.errorMessage(cause);

        assertThat(cause).isInstanceOf(IllegalStateException.class);
        assertThat(message).doesNotContain(token).contains("bot***").hasSizeLessThanOrEqualTo(
                DeadLetters.MAX_MESSAGE_CHARS + 1);
        assertThat(Headers.ERROR_MESSAGE).isEqualTo("error-message");
        assertThat(Headers.ERROR_KIND).isEqualTo("error-kind");
    }

    @Test
    void deadLettersNameTheRecordsOwnFailureNotTheBatchListenersWrapper() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("update failed", new IllegalArgumentException("bad shape"), 3));

        assertThat(DeadLetters.unwrap(failure)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad shape");
    }

    @Test
    void deadLetterMessageNamesTheRootCause() {
        String message = DeadLetters.errorMessage(
                new IllegalStateException("outer", new java.io.IOException("disk gone")));

        assertThat(message).isEqualTo("outer (root cause java.io.IOException: disk gone)");
    }

    @Test
    void classicProtocolUsesTheCooperativeStickyAssignorAndKip848NoClientAssignor() {
        Map<String, Object> classic = KafkaStartup.consumerConfig(GroupProtocol.CLASSIC);
        Map<String, Object> consumer = KafkaStartup.consumerConfig(GroupProtocol.CONSUMER);

        assertThat(classic).containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic")
                .containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName());
        assertThat(consumer).containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer")
                .doesNotContainKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
    }
}

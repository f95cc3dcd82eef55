package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    private static final ProcessorProperties.Retry RETRY =
            new ProcessorProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, Duration.ofMillis(500));

    @Test
    void transientFailuresAreRetriedWithoutEndAndBackOffToTheMaximum() {
        BackOffExecution execution = ErrorPolicy.transientFailures(RETRY).start();
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(30_000);
    }

    @Test
    void otherFailuresAreRetriedAFewTimesThenGiveUp() {
        BackOffExecution execution = ErrorPolicy.otherFailures(RETRY).start();

        assertThat(execution.nextBackOff()).isEqualTo(500);
        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
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

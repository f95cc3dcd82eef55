package org.breadbot.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class PartitionLeadersTest {

    private static final String TOPIC = "telegram.updates";
    private static final Node BROKER = new Node(1, "localhost", 9092);

    private final Admin admin = mock(Admin.class);

    @Test
    void waitsUntilTheTopicIsKnownAndEveryPartitionsLeaderAnswers() throws Exception {
        when(admin.describeTopics(anyCollection(), any(DescribeTopicsOptions.class)))
                .thenReturn(described(failed(new UnknownTopicOrPartitionException("not yet"))))
                .thenReturn(described(KafkaFuture.completedFuture(twoPartitions())));
        when(admin.listOffsets(anyMap(), any(ListOffsetsOptions.class)))
                .thenReturn(offsets(failed(new NotLeaderOrFollowerException("not yet"))))
                .thenReturn(offsets(KafkaFuture.completedFuture(new ListOffsetsResultInfo(0, -1, Optional.empty()))));

        PartitionLeaders.await(admin, List.of(TOPIC), Duration.ofSeconds(10));

        verify(admin, times(3)).describeTopics(anyCollection(), any(DescribeTopicsOptions.class));
        verify(admin, times(2)).listOffsets(anyMap(), any(ListOffsetsOptions.class));
    }

    @Test
    void givesUpAfterTheTimeoutNamingTheTopic() {
        when(admin.describeTopics(anyCollection(), any(DescribeTopicsOptions.class)))
                .thenAnswer(call -> described(KafkaFuture.completedFuture(twoPartitions())));
        when(admin.listOffsets(anyMap(), any(ListOffsetsOptions.class)))
                .thenAnswer(call -> offsets(failed(new NotLeaderOrFollowerException("no leader"))));

        long started = System.nanoTime();
        assertThatThrownBy(() -> PartitionLeaders.await(admin, List.of(TOPIC), Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("[telegram.updates]")
                .hasMessageContaining("PT0.3S")
                .hasMessageContaining("NotLeaderOrFollowerException");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anErrorRetryingWouldNotCureFailsAtOnceNamingTheTopic() {
        when(admin.describeTopics(anyCollection(), any(DescribeTopicsOptions.class)))
                .thenReturn(described(failed(new TopicAuthorizationException("denied"))));

        assertThatThrownBy(() -> PartitionLeaders.await(admin, List.of(TOPIC), Duration.ofSeconds(10)))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("topic telegram.updates")
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static TopicDescription twoPartitions() {
        return new TopicDescription(TOPIC, false, List.of(
                new TopicPartitionInfo(0, BROKER, List.of(BROKER), List.of(BROKER)),
                new TopicPartitionInfo(1, BROKER, List.of(BROKER), List.of(BROKER))));
    }

    private static DescribeTopicsResult described(KafkaFuture<TopicDescription> description) {
        return new DescribeTopicsResult(null, Map.of(TOPIC, description)) {
        };
    }

    /** Partition 0 always answers; partition 1 answers as given. */
    private static ListOffsetsResult offsets(KafkaFuture<ListOffsetsResultInfo> second) {
        return new ListOffsetsResult(Map.of(
                new TopicPartition(TOPIC, 0), KafkaFuture.completedFuture(new ListOffsetsResultInfo(0, -1,
                        Optional.empty())),
                new TopicPartition(TOPIC, 1), second));
    }

    private static <T> KafkaFuture<T> failed(Throwable error) {
        KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
        future.completeExceptionally(error);
        return future;
    }
}

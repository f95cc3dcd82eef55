package org.breadbot.common.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until every partition of just-created topics has a leader that answers.
 *
 * <p>CreateTopics answers once the controller has committed the topic; the brokers create the partitions a moment
 * later. An idempotent producer with several requests in flight loses its first batch when that one is refused there
 * (NOT_LEADER_OR_FOLLOWER) and a later one is appended: the broker, knowing no state of that producer, takes the
 * later sequence, and the retried first batch is OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout
 * (KAFKA-14359; 4.1 brokers still do this). ListOffsets is answered only by a partition's leader, as Produce is, so
 * once it succeeds for every partition a write is accepted.
 *
 * <p>Public because test-support creates its topics the same way.
 */
public final class PartitionLeaders {

    /** Between two rounds: partitions usually appear within tens of milliseconds. */
    static final Duration PAUSE = Duration.ofMillis(100);

    private PartitionLeaders() {
    }

    /**
     * Returns once ListOffsets(latest) succeeds for every partition of {@code topics}, retrying retriable errors
     * (unknown topic, no leader yet) until {@code timeout}.
     *
     * @throws TimeoutException   when some partition has no answering leader within the timeout; the message names
     *                            the topics still waiting and the last error
     * @throws ExecutionException on an error that retrying would not cure (authorization, for instance), naming the
     *                            topic
     */
    public static void await(Admin admin, Collection<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        TreeSet<String> waiting = new TreeSet<>(topics);
        Throwable lastError = null;
        while (!waiting.isEmpty()) {
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(waiting,
                    new DescribeTopicsOptions().timeoutMs(remainingMs(deadline))).topicNameValues();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            TreeSet<String> notReady = new TreeSet<>();
            for (String topic : waiting) {
                try {
                    described.get(topic).get(remainingMs(deadline), TimeUnit.MILLISECONDS).partitions().forEach(
                            partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    lastError = retriable(topic, e);
                    notReady.add(topic);
                } catch (TimeoutException e) {
                    throw timedOut(waiting, timeout, lastError);
                }
            }
            if (!latest.isEmpty()) {
                var offsets = admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(remainingMs(deadline)));
                for (TopicPartition partition : latest.keySet()) {
                    try {
                        offsets.partitionResult(partition).get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException e) {
                        lastError = retriable(partition.topic(), e);
                        notReady.add(partition.topic());
                    } catch (TimeoutException e) {
                        throw timedOut(waiting, timeout, lastError);
                    }
                }
            }
            waiting.retainAll(notReady);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw timedOut(waiting, timeout, lastError);
            }
            Thread.sleep(Math.min(PAUSE.toMillis(), remainingMs(deadline)));
        }
    }

    /** The cause when retrying may cure it; otherwise it is thrown, naming the topic. */
    private static Throwable retriable(String topic, ExecutionException e) throws ExecutionException {
        if (e.getCause() instanceof RetriableException) {
            return e.getCause();
        }
        throw new ExecutionException("topic " + topic + " cannot be checked for partition leaders: " + e.getCause(),
                e.getCause());
    }

    private static TimeoutException timedOut(Collection<String> waiting, Duration timeout, Throwable lastError) {
        TimeoutException e = new TimeoutException("no leader answered for every partition of topic(s) " + waiting
                + " within " + timeout + (lastError == null ? "" : " (last error: " + lastError + ")"));
        if (lastError != null) {
            e.initCause(lastError);
        }
        return e;
    }

    /** At least 1 ms: Kafka's options want a positive timeout; the deadline check after a round ends the wait. */
    private static int remainingMs(long deadline) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining));
    }
}

package org.breadbot.sender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.logging.UpdateMdc;
import org.breadbot.common.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Where records of {@code telegram.replies} enter the sender: the listener of the consumer group
 * {@code bread-bot-sender} and its rebalance listener.
 *
 * <h2>Design</h2>
 * <ul>
 * <li><b>Per-chat order, chats independent.</b> The listener only hands each record to the serial lane of its key
 * (the chat id, {@link ChatLanes}) and returns at once. Lanes run independently, so a chat that waits (rate
 * limit, 429 {@code retry_after}, 5xx back-off) holds up only its own later replies, never another chat's, even
 * on the same partition.</li>
 * <li><b>Commits follow completion, not consumption.</b> Each partition has a {@link PartitionTracker}: a record
 * is acknowledged only once it and every earlier record of its partition are finished (delivered, skipped as a
 * duplicate or dead-lettered), so the committed offset never passes a record still waiting. The container runs in
 * {@code AckMode.MANUAL} and commits these in-order acknowledgements on its own thread.</li>
 * <li><b>Bounded memory.</b> A partition with too many records taken and not yet committed is paused
 * ({@code pausePartition}) and resumed when half of them are done.</li>
 * <li><b>Rebalances.</b> On revocation the partition stops starting Bot API calls and dead letters, waits
 * (bounded) for those in progress, and the container commits what is finished before the partition moves;
 * records still waiting are given up and redelivered to the next owner, where the delivery log recognises any
 * that were sent. Lost partitions are given up at once.</li>
 * <li><b>Never twice.</b> Before a call the reply's id is looked up in the delivery log; after Telegram's 2xx it is
 * written there before the record counts as finished.</li>
 * <li><b>Poison never blocks.</b> Records that are no reply command go to {@code telegram.replies.dlt} as they came
 * and count as finished.</li>
 * </ul>
 * See {@code docs/sender.md}.
 */
final class ReplyIntake implements AcknowledgingConsumerAwareMessageListener<String, byte[]>,
        ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(ReplyIntake.class);

    private static final PartitionTracker.Flow NO_FLOW = new PartitionTracker.Flow() {
        @Override
        public void pause(TopicPartition partition) {
        }

        @Override
        public void resume(TopicPartition partition) {
        }
    };

    private final Map<TopicPartition, PartitionTracker> trackers = new ConcurrentHashMap<>();
    private final ChatLanes lanes;
    private final ReplyDelivery delivery;
    private final int maxInFlightPerPartition;
    private final Duration revocationDrainTimeout;
    private volatile PartitionTracker.Flow flow = NO_FLOW;

    ReplyIntake(ChatLanes lanes, ReplyDelivery delivery, SenderProperties properties) {
        this.lanes = lanes;
        this.delivery = delivery;
        this.maxInFlightPerPartition = properties.maxInFlightPerPartition();
        this.revocationDrainTimeout = properties.revocationDrainTimeout();
    }

    /** Connects the pausing of partitions to the container, which is built after this listener. */
    void useFlow(PartitionTracker.Flow containerFlow) {
        this.flow = containerFlow;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment ack, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionTracker tracker = trackers.computeIfAbsent(partition, this::newTracker);
        PartitionTracker.InFlight inFlight = tracker.register(record.offset(), ack);
        Trace hop = Trace.continueFrom(Headers.text(record.headers(), Trace.TRACEPARENT));
        // the lane runs the job later on another thread: the update's log entries travel in the Reactor context
        Map<String, String> mdc = UpdateMdc.of(Headers.number(record.headers(), Headers.UPDATE_ID),
                Headers.number(record.key()), hop);
        lanes.submit(laneOf(record), () -> delivery.deliver(record, inFlight, hop)
                .filter(DeliveryOutcome::isFinal)
                .doOnNext(outcome -> tracker.complete(inFlight))
                .then()
                .contextWrite(UpdateMdc.into(mdc)));
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionTracker previous = trackers.put(partition, newTracker(partition));
            if (previous != null) {
                previous.lose();
            }
            flow.resume(partition);
        }
        if (!partitions.isEmpty()) {
            log.info("Assigned {}", partitions);
        }
    }

    /** Runs on the consumer thread before the container commits, so the drained acknowledgements make it. */
    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<PartitionTracker> revoked = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            PartitionTracker tracker = trackers.remove(partition);
            if (tracker != null) {
                tracker.revoke();
                revoked.add(tracker);
            }
        }
        long deadline = System.nanoTime() + revocationDrainTimeout.toNanos();
        for (PartitionTracker tracker : revoked) {
            drain(tracker, deadline);
        }
        if (!revoked.isEmpty()) {
            log.info("Revoked {}", revoked.stream().map(PartitionTracker::partition).toList());
        }
    }

    /** The new consumer also reports partitions it has just revoked as lost when it unsubscribes: no-op then. */
    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> lost = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            PartitionTracker tracker = trackers.remove(partition);
            if (tracker != null) {
                tracker.lose();
                lost.add(partition);
            }
        }
        if (!lost.isEmpty()) {
            log.warn("Lost {}; their records in progress are delivered again by the next owner", lost);
        }
    }

    private void drain(PartitionTracker tracker, long deadlineNanos) {
        try {
            int left = tracker.drainAndClose(deadlineNanos);
            if (left > 0) {
                log.warn("{} call(s) to Telegram still running for revoked {} after {}; the next owner may send "
                        + "them again", left, tracker.partition(), revocationDrainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.lose();
        }
    }

    private PartitionTracker newTracker(TopicPartition partition) {
        return new PartitionTracker(partition, maxInFlightPerPartition, new FlowProxy());
    }

    /** Chats are keys; a record without a key still gets a lane of its own partition. */
    private static String laneOf(ConsumerRecord<String, byte[]> record) {
        return record.key() != null ? record.key() : "\u0000partition-" + record.partition();
    }

    /** Resolves {@link #flow} on use, since the container is connected after the first trackers may exist. */
    private final class FlowProxy implements PartitionTracker.Flow {
        @Override
        public void pause(TopicPartition partition) {
            flow.pause(partition);
        }

        @Override
        public void resume(TopicPartition partition) {
            flow.resume(partition);
        }
    }
}

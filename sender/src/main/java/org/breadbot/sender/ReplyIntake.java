package org.breadbot.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.logging.UpdateMdc;
import org.breadbot.common.secret.Secrets;
import org.breadbot.common.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

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
 * <li><b>A chat that waits long waits out of the partition's way.</b> A reply that would wait longer than
 * {@code park-after} is parked ({@link ParkedReplies}) together with the replies of its chat queued behind it, and
 * counts as finished, so the offset is committed past it; while the chat has parked replies, its new ones are
 * parked behind them, and a drain delivers them in order when due, one at a time on the chat's lane
 * ({@link ParkedChats}).</li>
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
    private final DeliveryClaims claims;
    private final ParkedReplies parkedReplies;
    private final Scheduler timers;
    private final SenderProperties properties;
    private volatile PartitionTracker.Flow flow = NO_FLOW;

    ReplyIntake(ChatLanes lanes, ReplyDelivery delivery, DeliveryClaims claims, ParkedReplies parkedReplies,
            Scheduler timers, SenderProperties properties, SenderMetrics metrics) {
        this.lanes = lanes;
        this.delivery = delivery;
        this.claims = claims;
        this.parkedReplies = parkedReplies;
        this.timers = timers;
        this.properties = properties;
        metrics.parkedChats(() -> trackers.values().stream().mapToInt(tracker -> tracker.parked().size()).sum());
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
        lanes.submit(laneOf(record), new RecordJob(record, inFlight, hop, tracker));
    }

    /** The update's log entries, which travel in the Reactor context since the lane runs the job on another thread. */
    private static Map<String, String> mdcOf(ConsumerRecord<String, byte[]> record, Trace hop) {
        return UpdateMdc.of(Headers.number(record.headers(), Headers.UPDATE_ID), Headers.number(record.key()), hop);
    }

    /** One record of the partition, on its chat's lane: delivered, or parked behind its chat's parked replies. */
    private final class RecordJob implements Supplier<Mono<Void>> {

        private final ConsumerRecord<String, byte[]> record;
        private final PartitionTracker.InFlight inFlight;
        private final Trace hop;
        private final PartitionTracker tracker;

        RecordJob(ConsumerRecord<String, byte[]> record, PartitionTracker.InFlight inFlight, Trace hop,
                PartitionTracker tracker) {
            this.record = record;
            this.inFlight = inFlight;
            this.hop = hop;
            this.tracker = tracker;
        }

        @Override
        public Mono<Void> get() {
            String chat = laneOf(record);
            return tracker.parked().loaded()
                    .then(Mono.defer(() -> tracker.parked().contains(chat)
                            ? park(this, DeliveryAttempt.FIRST, Instant.now())
                            : deliver(chat)))
                    .contextWrite(UpdateMdc.into(mdcOf(record, hop)));
        }

        private Mono<Void> deliver(String chat) {
            return delivery.deliver(record, inFlight, hop, DeliveryAttempt.first(lanes.queued(chat)))
                    .flatMap(result -> {
                        if (result.isParked()) {
                            return park(this, result.attempt(), result.dueAt());
                        }
                        if (result.outcome().isFinal()) {
                            tracker.complete(inFlight);
                        }
                        return Mono.empty();
                    });
        }
    }

    /**
     * Parks the record, with what its delivery used up and when it is due, and every record of its chat queued
     * behind it (in order, due at once: they only wait for it); all of them are then finished for the partition.
     * Runs on the chat's lane, so nothing of the chat runs meanwhile, and only while the partition is owned.
     */
    private Mono<Void> park(RecordJob job, DeliveryAttempt attempt, Instant due) {
        String chat = laneOf(job.record);
        List<RecordJob> behind = new ArrayList<>();
        for (RecordJob queued : lanes.takeQueued(chat, RecordJob.class)) {
            if (queued.tracker == job.tracker) {
                behind.add(queued);
            } else {
                // a job of an earlier assignment of the partition: it only finds itself given up
                lanes.submit(chat, queued);
            }
        }
        if (!job.inFlight.beginSideEffect()) {
            return Mono.empty();
        }
        return parkedReplies.park(chat, job.record, attempt, due, behind.stream().map(queued -> queued.record).toList())
                .retryWhen(whileDatabaseAway(job.tracker))
                .doFinally(signal -> job.inFlight.endSideEffect())
                .then(Mono.fromRunnable(() -> {
                    job.tracker.parked().add(chat);
                    job.tracker.parked().drainAt(chat, due);
                    job.tracker.complete(job.inFlight);
                    behind.forEach(queued -> queued.tracker.complete(queued.inFlight));
                    log.debug("Parked {} record(s) of chat {} until {}", behind.size() + 1, chat, due);
                }));
    }

    /**
     * Delivers the oldest parked reply of a chat when it is due, then drains the next; once none is left, the chat
     * is no longer parked. One reply per run, so that records of the chat that arrive meanwhile are parked behind
     * without waiting for the whole backlog.
     */
    private final class DrainJob implements Supplier<Mono<Void>> {

        private final PartitionTracker tracker;
        private final String chat;

        DrainJob(PartitionTracker tracker, String chat) {
            this.tracker = tracker;
            this.chat = chat;
        }

        @Override
        public Mono<Void> get() {
            if (tracker.isRevoked()) {
                return Mono.empty();
            }
            TopicPartition partition = tracker.partition();
            return parkedReplies.oldest(partition.topic(), partition.partition(), chat)
                    .retryWhen(whileDatabaseAway(tracker))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(oldest -> oldest.map(this::deliverWhenDue)
                            .orElseGet(() -> Mono.fromRunnable(() -> tracker.parked().remove(chat))));
        }

        private Mono<Void> deliverWhenDue(ParkedReplies.Parked parked) {
            if (parked.dueAt().isAfter(Instant.now())) {
                tracker.parked().drainAt(chat, parked.dueAt());
                return Mono.empty();
            }
            Trace hop = Trace.continueFrom(Headers.text(parked.record().headers(), Trace.TRACEPARENT));
            return delivery.deliver(parked.record(), tracker.guard(), hop, parked.attempt())
                    .flatMap(result -> afterDelivery(parked, result))
                    .contextWrite(UpdateMdc.into(mdcOf(parked.record(), hop)));
        }

        private Mono<Void> afterDelivery(ParkedReplies.Parked parked, Delivery result) {
            if (result.isParked()) {
                return parkedReplies.reschedule(parked.id(), result.attempt(), result.dueAt())
                        .retryWhen(whileDatabaseAway(tracker))
                        .then(Mono.fromRunnable(() -> tracker.parked().drainAt(chat, result.dueAt())));
            }
            if (!result.outcome().isFinal()) {
                return Mono.empty();
            }
            return parkedReplies.delete(parked.id())
                    .retryWhen(whileDatabaseAway(tracker))
                    .then(Mono.fromRunnable(() -> tracker.parked().drainAt(chat, Instant.now())));
        }
    }

    /** The database calls of parking: retried while it is away and the partition is owned, bounded. */
    private Retry whileDatabaseAway(PartitionTracker tracker) {
        Duration max = Duration.ofSeconds(10);
        long attempts = Math.max(1, properties.retry().outageMaxElapsed().toMillis() / max.toMillis());
        return Retry.backoff(attempts, Duration.ofMillis(200))
                .maxBackoff(max)
                .filter(failure -> !tracker.isRevoked())
                .doBeforeRetry(signal -> log.warn("Parking call to the database failed ({}); retrying",
                        Secrets.mask(String.valueOf(signal.failure()))));
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            // owned anew: the first claim takes a new epoch, which fences whoever had the partition before
            claims.owned(partition);
            PartitionTracker tracker = newTracker(partition);
            PartitionTracker previous = trackers.put(partition, tracker);
            if (previous != null) {
                previous.lose();
            }
            // the chats parked by an earlier owner are drained even if no new record of them comes
            tracker.parked().start();
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
        long deadline = System.nanoTime() + properties.revocationDrainTimeout().toNanos();
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
                        + "them again", left, tracker.partition(), properties.revocationDrainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.lose();
        }
    }

    private PartitionTracker newTracker(TopicPartition partition) {
        PartitionTracker[] tracker = new PartitionTracker[1];
        ParkedChats parked = new ParkedChats(partition, timers,
                chat -> lanes.submit(chat, new DrainJob(tracker[0], chat)),
                Mono.defer(() -> parkedReplies.chatsOf(partition.topic(), partition.partition()).collectList()
                        .retryWhen(whileDatabaseAway(tracker[0]))));
        tracker[0] = new PartitionTracker(partition, properties.maxInFlightPerPartition(), new FlowProxy(), parked);
        return tracker[0];
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

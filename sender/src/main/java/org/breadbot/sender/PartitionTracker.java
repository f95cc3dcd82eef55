package org.breadbot.sender;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The records of one partition that this consumer has taken and not yet committed, in offset order.
 *
 * <p>Records finish out of order (each chat has its own pace), but Kafka stores one offset per partition, so a
 * record is acknowledged only once it and every record before it in the partition are done: the committed offset
 * is the highest contiguous finished one. Records that wait do not stop later ones from finishing; they only hold
 * back the commit.
 *
 * <p>Too many records taken and not committed pause the partition (bounded memory); it resumes at half.
 *
 * <p>On revocation the tracker first stops new side effects (Bot API calls, dead letters) and waits, bounded,
 * for the ones in progress, whose acknowledgements are then committed by the container before the partition
 * moves; records still waiting are simply given up and redelivered to the next owner. One tracker serves one
 * assignment: a partition that comes back gets a new one.
 */
final class PartitionTracker {

    /** Pauses and resumes a partition; implemented by the listener container. */
    interface Flow {
        void pause(TopicPartition partition);

        void resume(TopicPartition partition);
    }

    private final TopicPartition partition;
    private final int maxInFlight;
    private final int resumeAt;
    private final Flow flow;
    private final ArrayDeque<InFlight> records = new ArrayDeque<>();
    private final ParkedChats parked;
    private boolean pauseRequested;
    private boolean revoked;
    private boolean closed;
    private int sideEffects;

    PartitionTracker(TopicPartition partition, int maxInFlight, Flow flow) {
        this(partition, maxInFlight, flow, ParkedChats.NONE);
    }

    PartitionTracker(TopicPartition partition, int maxInFlight, Flow flow, ParkedChats parked) {
        this.partition = partition;
        this.parked = parked;
        this.maxInFlight = maxInFlight;
        this.resumeAt = maxInFlight / 2;
        this.flow = flow;
    }

    TopicPartition partition() {
        return partition;
    }

    /** This assignment's chats with parked replies. */
    ParkedChats parked() {
        return parked;
    }

    /** Takes the next record of the partition; offsets arrive in increasing order. */
    synchronized InFlight register(long offset, Acknowledgment ack) {
        InFlight record = new InFlight(offset, ack);
        if (closed) {
            record.done = true;
            return record;
        }
        records.addLast(record);
        if (!pauseRequested && records.size() >= maxInFlight) {
            pauseRequested = true;
            flow.pause(partition);
        }
        return record;
    }

    /** Records taken and not yet committed. */
    synchronized int inFlight() {
        return records.size();
    }

    synchronized boolean isRevoked() {
        return revoked;
    }

    /**
     * The record is finished (delivered, skipped or dead-lettered). Acknowledges the last record of the finished
     * run at the head, if the head finished; the acknowledgement is called under this lock so that it can never
     * reach the container after the revocation has been committed.
     */
    synchronized void complete(InFlight record) {
        if (closed || record.done) {
            return;
        }
        record.done = true;
        InFlight lastDone = null;
        while (!records.isEmpty() && records.peekFirst().done) {
            lastDone = records.pollFirst();
        }
        if (lastDone != null) {
            lastDone.ack.acknowledge();
        }
        if (pauseRequested && records.size() <= resumeAt) {
            pauseRequested = false;
            flow.resume(partition);
        }
    }

    /** The partition is being revoked: no new side effects from now on. */
    synchronized void revoke() {
        revoked = true;
    }

    /**
     * Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for the side effects in progress, then closes:
     * later completions are ignored, their records belong to the next owner.
     *
     * @return the side effects still in progress when the wait ended (0 normally)
     */
    synchronized int drainAndClose(long deadlineNanos) throws InterruptedException {
        revoked = true;
        long left = deadlineNanos - System.nanoTime();
        while (sideEffects > 0 && left > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadlineNanos - System.nanoTime();
        }
        close();
        return sideEffects;
    }

    /** The partition is gone without a chance to commit: give up everything at once. */
    synchronized void lose() {
        revoked = true;
        close();
    }

    private void close() {
        closed = true;
        parked.close();
        records.clear();
        if (pauseRequested) {
            pauseRequested = false;
            flow.resume(partition);
        }
    }

    private synchronized boolean beginSideEffect() {
        if (revoked) {
            return false;
        }
        sideEffects++;
        return true;
    }

    private synchronized void endSideEffect() {
        sideEffects--;
        notifyAll();
    }

    /**
     * What work of this partition asks before it does anything visible outside; the work of a record is an
     * {@link InFlight}, the delivery of a parked reply has a guard of its own.
     */
    DeliveryGuard guard() {
        return new Guard();
    }

    /** Counts its side effects into the revocation drain, and refuses new ones once the partition is revoked. */
    class Guard implements DeliveryGuard {

        private boolean inSideEffect;

        @Override
        public boolean beginSideEffect() {
            synchronized (PartitionTracker.this) {
                if (inSideEffect || !PartitionTracker.this.beginSideEffect()) {
                    return false;
                }
                inSideEffect = true;
                return true;
            }
        }

        @Override
        public void endSideEffect() {
            synchronized (PartitionTracker.this) {
                if (inSideEffect) {
                    inSideEffect = false;
                    PartitionTracker.this.endSideEffect();
                }
            }
        }

        @Override
        public boolean isRevoked() {
            return PartitionTracker.this.isRevoked();
        }
    }

    /** One record taken from the partition; the delivery asks it before doing anything visible outside. */
    final class InFlight extends Guard {

        private final long offset;
        private final Acknowledgment ack;
        private boolean done;

        private InFlight(long offset, Acknowledgment ack) {
            this.offset = offset;
            this.ack = ack;
        }

        long offset() {
            return offset;
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }
}

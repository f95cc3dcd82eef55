package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

class PartitionTrackerTest {

    private static final TopicPartition PARTITION = new TopicPartition("telegram.replies", 0);

    private final List<Long> acked = new ArrayList<>();
    private final List<String> flow = new ArrayList<>();
    private final PartitionTracker.Flow recordingFlow = new PartitionTracker.Flow() {
        @Override
        public void pause(TopicPartition partition) {
            flow.add("pause");
        }

        @Override
        public void resume(TopicPartition partition) {
            flow.add("resume");
        }
    };

    private PartitionTracker.InFlight take(PartitionTracker tracker, long offset) {
        Acknowledgment ack = () -> acked.add(offset);
        return tracker.register(offset, ack);
    }

    @Test
    void recordsFinishedInOrderAreAcknowledgedOneByOne() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight first = take(tracker, 0);
        PartitionTracker.InFlight second = take(tracker, 1);

        tracker.complete(first);
        tracker.complete(second);

        assertThat(acked).containsExactly(0L, 1L);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aLaterRecordFinishingFirstIsNotAcknowledgedUntilTheEarlierOneIsDone() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight waiting = take(tracker, 10);
        PartitionTracker.InFlight fast = take(tracker, 11);
        PartitionTracker.InFlight faster = take(tracker, 12);

        tracker.complete(faster);
        tracker.complete(fast);
        assertThat(acked).isEmpty();
        assertThat(tracker.inFlight()).isEqualTo(3);

        tracker.complete(waiting);
        assertThat(acked).containsExactly(12L);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void offsetGapsDoNotHoldBackTheCommit() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight first = take(tracker, 3);
        PartitionTracker.InFlight afterGap = take(tracker, 7);

        tracker.complete(afterGap);
        tracker.complete(first);

        assertThat(acked).containsExactly(7L);
    }

    @Test
    void completingTwiceAcknowledgesOnce() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight record = take(tracker, 0);

        tracker.complete(record);
        tracker.complete(record);

        assertThat(acked).containsExactly(0L);
    }

    @Test
    void pausesAtTheLimitAndResumesAtHalf() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 4, recordingFlow);
        List<PartitionTracker.InFlight> records = new ArrayList<>();
        for (long offset = 0; offset < 4; offset++) {
            records.add(take(tracker, offset));
        }
        assertThat(flow).containsExactly("pause");

        tracker.complete(records.get(0));
        assertThat(flow).containsExactly("pause");
        tracker.complete(records.get(1));
        assertThat(flow).containsExactly("pause", "resume");
    }

    @Test
    void aRecordHeldBackAtTheHeadKeepsThePartitionPaused() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 4, recordingFlow);
        List<PartitionTracker.InFlight> records = new ArrayList<>();
        for (long offset = 0; offset < 4; offset++) {
            records.add(take(tracker, offset));
        }

        tracker.complete(records.get(1));
        tracker.complete(records.get(2));
        tracker.complete(records.get(3));

        assertThat(flow).containsExactly("pause");
        assertThat(acked).isEmpty();
    }

    @Test
    void noSideEffectStartsAfterRevocation() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight record = take(tracker, 0);

        tracker.revoke();

        assertThat(record.isRevoked()).isTrue();
        assertThat(record.beginSideEffect()).isFalse();
    }

    @Test
    void revocationWaitsForTheSideEffectInProgressAndCommitsIt() throws Exception {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight sending = take(tracker, 0);
        PartitionTracker.InFlight waiting = take(tracker, 1);
        assertThat(sending.beginSideEffect()).isTrue();
        tracker.revoke();

        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return tracker.drainAndClose(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(drained).isNotDone();

        tracker.complete(sending);
        sending.endSideEffect();

        assertThat(drained.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(acked).containsExactly(0L);
        tracker.complete(waiting);
        assertThat(acked).as("a record finished after the partition moved is the next owner's").containsExactly(0L);
    }

    @Test
    void revocationGivesUpWaitingAtTheDeadline() throws Exception {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 100, recordingFlow);
        PartitionTracker.InFlight stuck = take(tracker, 0);
        assertThat(stuck.beginSideEffect()).isTrue();
        tracker.revoke();

        long started = System.nanoTime();
        int left = tracker.drainAndClose(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));

        assertThat(left).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(150L, 5_000L);
    }

    @Test
    void aLostPartitionIgnoresLaterCompletionsAndIsNoLongerPaused() {
        PartitionTracker tracker = new PartitionTracker(PARTITION, 1, recordingFlow);
        PartitionTracker.InFlight record = take(tracker, 0);

        tracker.lose();
        tracker.complete(record);

        assertThat(acked).isEmpty();
        assertThat(flow).containsExactly("pause", "resume");
        assertThat(tracker.inFlight()).isZero();
    }
}

package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

class ChatLanesTest {

    private final ChatLanes lanes = new ChatLanes(Schedulers.parallel());

    @AfterEach
    void close() {
        lanes.close();
    }

    @Test
    void jobsOfOneKeyRunOneAfterAnotherInOrder() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            int n = i;
            // later jobs are quicker: only the lane keeps them in order
            lanes.submit("chat", () -> Mono.delay(Duration.ofMillis(50 - n))
                    .doOnNext(tick -> done.add(n))
                    .doFinally(signal -> all.countDown())
                    .then());
        }

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void aWaitingKeyDoesNotHoldUpAnother() throws Exception {
        Sinks.Empty<Void> release = Sinks.empty();
        CountDownLatch otherDone = new CountDownLatch(1);
        lanes.submit("waiting", release::asMono);
        lanes.submit("other", () -> Mono.fromRunnable(otherDone::countDown));

        assertThat(otherDone.await(5, TimeUnit.SECONDS)).isTrue();
        release.tryEmitEmpty();
    }

    @Test
    void aFailingJobDoesNotStopItsLane() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        lanes.submit("chat", () -> Mono.error(new IllegalStateException("boom")));
        lanes.submit("chat", () -> Mono.fromRunnable(next::countDown));

        assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void idleLanesAreRemoved() throws Exception {
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            lanes.submit("chat-" + i, () -> Mono.fromRunnable(done::countDown));
        }

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lanes.activeLanes() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lanes.activeLanes()).isZero();
    }
}

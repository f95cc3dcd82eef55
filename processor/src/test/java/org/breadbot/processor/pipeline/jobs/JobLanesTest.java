package org.breadbot.processor.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The per-chat lanes the jobs run in. */
class JobLanesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final Map<String, Sinks.Empty<Void>> gates = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final List<String> givenUp = new CopyOnWriteArrayList<>();
    private final List<List<String>> renewed = new CopyOnWriteArrayList<>();
    private JobLanes lanes;

    private JobLanes newLanes(Function<Job, Mono<Void>> runner, int maxRunning, int maxAccepted, Duration deadline) {
        return new JobLanes(runner, job -> Mono.fromRunnable(() -> givenUp.add(job.id())),
                ids -> Mono.fromSupplier(() -> {
                    renewed.add(List.copyOf(ids));
                    return (long) ids.size();
                }), Duration.ofMillis(100), maxRunning, maxAccepted, deadline);
    }

    private static Job job(long chat, long update) {
        return Job.of(JobKind.ADVICE, chat, update, 1, null, null, Instant.now());
    }

    /** Jobs that run until their gate opens. */
    private JobLanes lanes(int maxRunning, int maxAccepted, Duration deadline) {
        Function<Job, Mono<Void>> runner = job -> Mono.defer(() -> {
            started.add(job.id());
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            return gate(job).asMono();
        }).doOnTerminate(() -> {   // before the lanes hear of it, unlike doFinally
            running.decrementAndGet();
            finished.add(job.id());
        });
        lanes = newLanes(runner, maxRunning, maxAccepted, deadline);
        lanes.start();
        return lanes;
    }

    private Sinks.Empty<Void> gate(Job job) {
        return gate(job.id());
    }

    private Sinks.Empty<Void> gate(String jobId) {
        return gates.computeIfAbsent(jobId, id -> Sinks.empty());
    }

    private void open(Job job) {
        gate(job).tryEmitEmpty();
    }

    @AfterEach
    void stop() {
        if (lanes != null) {
            lanes.stop();
        }
    }

    @Test
    void aChatsJobsRunOneAtATimeInTheOrderAccepted() throws InterruptedException {
        lanes(8, 100, Duration.ofMinutes(1));
        Job first = job(-1, 1);
        Job second = job(-1, 2);
        Job third = job(-1, 3);

        assertThat(lanes.offer(first, WAIT)).isTrue();
        assertThat(lanes.offer(second, WAIT)).isTrue();
        assertThat(lanes.offer(third, WAIT)).isTrue();

        await().until(() -> started.size() == 1);
        assertThat(started).containsExactly(first.id());
        open(first);
        await().until(() -> started.size() == 2);
        open(second);
        open(third);
        await().until(() -> finished.size() == 3);
        assertThat(started).containsExactly(first.id(), second.id(), third.id());
    }

    @Test
    void aHangingJobHoldsUpNoOtherChat() throws InterruptedException {
        lanes(8, 100, Duration.ofMinutes(1));
        Job hanging = job(-1, 1);
        lanes.offer(hanging, WAIT);

        for (int chat = 2; chat <= 6; chat++) {
            Job other = job(-chat, chat);
            lanes.offer(other, WAIT);
            open(other);
        }

        await().until(() -> finished.size() == 5);
        assertThat(finished).doesNotContain(hanging.id());
    }

    @Test
    void atMostMaxRunningChatsRunAtOnce() throws InterruptedException {
        lanes(3, 100, Duration.ofMinutes(1));
        for (int chat = 1; chat <= 10; chat++) {
            lanes.offer(job(-chat, chat), WAIT);
        }

        await().until(() -> started.size() == 3);
        Thread.sleep(100);
        assertThat(started).hasSize(3);
        await().until(() -> {
            started.forEach(id -> gate(id).tryEmitEmpty());
            return finished.size() == 10;
        });
        assertThat(mostRunning.get()).isEqualTo(3);
    }

    @Test
    void offerWaitsForRoomAndGivesUpWhenThereIsNone() throws InterruptedException {
        lanes(8, 2, Duration.ofMinutes(1));
        Job first = job(-1, 1);
        lanes.offer(first, WAIT);
        lanes.offer(job(-2, 2), WAIT);

        long before = System.nanoTime();
        assertThat(lanes.offer(job(-3, 3), Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(190));

        open(first);
        assertThat(lanes.offer(job(-3, 3), WAIT)).isTrue();
    }

    @Test
    void aFailedOrOverdueJobFreesItsLane() throws InterruptedException {
        lanes = newLanes(job -> {
            started.add(job.id());
            return job.updateId() == 1 ? Mono.error(new IllegalStateException("boom"))
                    : job.updateId() == 2 ? Mono.never() : Mono.fromRunnable(() -> finished.add(job.id()));
        }, 8, 100, Duration.ofMillis(200));
        lanes.start();

        lanes.offer(job(-1, 1), WAIT);
        lanes.offer(job(-1, 2), WAIT);
        lanes.offer(job(-1, 3), WAIT);

        await().atMost(Duration.ofSeconds(5)).until(() -> finished.size() == 1);
        assertThat(started).hasSize(3);
        assertThat(givenUp).as("only the overdue one gets its failure reply").containsExactly(job(-1, 2).id());
    }

    @Test
    void theLeasesOfHeldJobsAreRenewedWhileTheyWaitAndACopyOfAHeldJobIsDropped() throws InterruptedException {
        lanes(8, 100, Duration.ofMinutes(1));
        Job running = job(-1, 1);
        Job waiting = job(-1, 2);
        lanes.offer(running, WAIT);
        lanes.offer(waiting, WAIT);

        assertThat(lanes.offer(waiting, WAIT)).as("a copy is taken").isTrue();
        await().until(() -> renewed.stream().anyMatch(ids -> ids.containsAll(List.of(running.id(), waiting.id()))));
        open(running);
        open(waiting);
        await().until(() -> finished.size() == 2);
        assertThat(started).containsExactly(running.id(), waiting.id());
        renewed.clear();
        await().until(() -> !renewed.isEmpty());
        assertThat(renewed.get(renewed.size() - 1)).as("finished jobs are no longer renewed").isEmpty();
    }

    @Test
    void stoppedLanesAcceptNothing() throws InterruptedException {
        lanes(8, 100, Duration.ofMinutes(1));
        lanes.stop();

        assertThat(lanes.offer(job(-1, 1), Duration.ofMillis(10))).isFalse();
        assertThat(lanes.isRunning()).isFalse();
    }
}

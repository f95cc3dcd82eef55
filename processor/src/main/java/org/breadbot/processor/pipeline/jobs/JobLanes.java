package org.breadbot.processor.pipeline.jobs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.breadbot.common.secret.Secrets;
import org.breadbot.processor.store.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs accepted jobs: one at a time per chat, in the order accepted, and up to {@code maxRunning} chats at once,
 * so a chat whose service hangs holds up only its own later jobs. At most {@code maxAccepted} jobs are held
 * (running or waiting); {@link #offer} waits for room beyond that.
 */
final class JobLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLanes.class);

    private final Function<Job, Mono<Void>> runner;
    private final int maxRunning;
    private final int maxAccepted;
    private final Duration deadline;
    /** Chats with a running job, and the jobs waiting behind it. */
    private final Map<Long, Deque<Job>> lanes = new HashMap<>();
    private Semaphore room;
    private Sinks.Many<Job> ready;
    private Disposable runs;

    JobLanes(Function<Job, Mono<Void>> runner, int maxRunning, int maxAccepted, Duration deadline) {
        this.runner = runner;
        this.maxRunning = maxRunning;
        this.maxAccepted = maxAccepted;
        this.deadline = deadline;
    }

    /**
     * Accepts the job, waiting up to {@code wait} for room; false when there was none or the lanes are stopped.
     * Called by the consumer thread.
     */
    boolean offer(Job job, Duration wait) throws InterruptedException {
        Semaphore current;
        synchronized (this) {
            current = room;
        }
        if (current == null || !current.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        synchronized (this) {
            if (room != current) {
                return false;
            }
            Deque<Job> lane = lanes.get(job.chatId());
            if (lane != null) {
                lane.add(job);
            } else {
                lanes.put(job.chatId(), new ArrayDeque<>());
                ready.tryEmitNext(job);
            }
            return true;
        }
    }

    /** The job ended one way or another: its room is free and its chat's next job may start. */
    private synchronized void done(Job job, Semaphore jobRoom) {
        jobRoom.release();
        if (jobRoom != room) {
            return;
        }
        Deque<Job> lane = lanes.get(job.chatId());
        Job next = lane == null ? null : lane.poll();
        if (next == null) {
            lanes.remove(job.chatId());
        } else {
            ready.tryEmitNext(next);
        }
    }

    private Mono<Void> run(Job job, Semaphore jobRoom) {
        return Mono.defer(() -> runner.apply(job))
                .timeout(deadline)
                .onErrorResume(e -> {
                    log.warn("Job {} failed; it is handed off again when its lease ends: {}", job.id(),
                            Secrets.mask(String.valueOf(e)));
                    return Mono.empty();
                })
                .doFinally(signal -> done(job, jobRoom));
    }

    @Override
    public synchronized void start() {
        Semaphore jobRoom = new Semaphore(maxAccepted);
        room = jobRoom;
        lanes.clear();
        ready = Sinks.many().unicast().onBackpressureBuffer();
        runs = ready.asFlux()
                .flatMap(job -> run(job, jobRoom), maxRunning)
                .subscribe();
    }

    /** Jobs cut short stay recorded and are handed off again when their lease ends. */
    @Override
    public synchronized void stop() {
        if (runs != null) {
            room = null;
            runs.dispose();
            runs = null;
            lanes.clear();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return runs != null;
    }

    /** Ready before the listener containers start and until after they stop. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
    }
}

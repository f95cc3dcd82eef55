package org.breadbot.processor.pipeline.jobs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.breadbot.common.secret.Secrets;
import org.breadbot.processor.store.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs accepted jobs: one at a time per chat, in the order accepted, and up to {@code maxRunning} chats at once,
 * so a chat whose service hangs holds up only its own later jobs. At most {@code maxAccepted} jobs are held
 * (running or waiting); {@link #offer} waits for room beyond that.
 *
 * <p>While a job is held, its lease is renewed every {@code renewEvery}, so a job that waits behind its chat's
 * slow jobs is never handed off again; a copy of a job already held (one handed off twice) is taken and dropped.
 * A job past its {@code deadline} is given up: its chat gets the failure reply.
 */
final class JobLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLanes.class);

    private final Function<Job, Mono<Void>> runner;
    private final Function<Job, Mono<Void>> giveUp;
    private final Function<Collection<String>, Mono<Long>> renewLeases;
    private final Duration renewEvery;
    private final int maxRunning;
    private final int maxAccepted;
    private final Duration deadline;
    /** Chats with a running job, and the jobs waiting behind it. */
    private final Map<Long, Deque<Job>> lanes = new HashMap<>();
    /** Ids of the jobs held, running or waiting. */
    private final Set<String> held = new HashSet<>();
    private Semaphore room;
    private Sinks.Many<Job> ready;
    private Disposable runs;
    private Disposable renewals;

    /**
     * @param runner      does a job
     * @param giveUp      answers a job past its deadline with its failure reply, and forgets it
     * @param renewLeases moves the leases of the held jobs, by id
     */
    JobLanes(Function<Job, Mono<Void>> runner, Function<Job, Mono<Void>> giveUp,
            Function<Collection<String>, Mono<Long>> renewLeases, Duration renewEvery, int maxRunning,
            int maxAccepted, Duration deadline) {
        this.runner = runner;
        this.giveUp = giveUp;
        this.renewLeases = renewLeases;
        this.renewEvery = renewEvery;
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
            if (current != null && held.contains(job.id())) {
                log.debug("Job {} is held already; the copy is dropped", job.id());
                return true;
            }
        }
        if (current == null || !current.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        synchronized (this) {
            if (room != current) {
                return false;
            }
            if (!held.add(job.id())) {
                current.release();
                return true;
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
        held.remove(job.id());
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
                .onErrorResume(TimeoutException.class, late -> {
                    log.warn("Job {} ran past its deadline of {}; its chat gets the failure reply", job.id(),
                            deadline);
                    return giveUp.apply(job);
                })
                .onErrorResume(e -> {
                    log.warn("Job {} failed; it is handed off again when its lease ends: {}", job.id(),
                            Secrets.mask(String.valueOf(e)));
                    return Mono.empty();
                })
                .doFinally(signal -> done(job, jobRoom));
    }

    /** Moves the leases of every job held now; a failure is logged and the next renewal tries again. */
    private Mono<Void> renew() {
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(held);
        }
        return renewLeases.apply(ids)
                .onErrorResume(e -> {
                    log.warn("Could not renew the leases of {} held job(s): {}", ids.size(),
                            Secrets.mask(String.valueOf(e)));
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public synchronized void start() {
        Semaphore jobRoom = new Semaphore(maxAccepted);
        room = jobRoom;
        lanes.clear();
        held.clear();
        ready = Sinks.many().unicast().onBackpressureBuffer();
        runs = ready.asFlux()
                .flatMap(job -> run(job, jobRoom), maxRunning)
                .subscribe();
        renewals = Flux.interval(renewEvery, renewEvery)
                .onBackpressureDrop()
                .concatMap(tick -> renew(), 1)
                .subscribe();
    }

    /** Jobs cut short stay recorded and are handed off again when their lease ends. */
    @Override
    public synchronized void stop() {
        if (runs != null) {
            room = null;
            runs.dispose();
            renewals.dispose();
            runs = null;
            lanes.clear();
            held.clear();
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

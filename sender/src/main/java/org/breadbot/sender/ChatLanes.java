package org.breadbot.sender;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One serial queue per record key (the chat id): jobs of a key run one after another in submission order, jobs of
 * different keys run independently, so a chat that waits never holds up another.
 *
 * <p>A lane exists only while it has work; the last job of a lane removes it, so memory follows the records in
 * flight, not the number of chats ever seen. The lane owns the subscription to its running job, and a job's
 * failure is logged and does not stop the lane.
 */
final class ChatLanes {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Scheduler scheduler;
    private volatile boolean closed;

    ChatLanes(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Queues {@code job} behind the jobs already queued for {@code key}. */
    void submit(String key, Supplier<Mono<Void>> job) {
        boolean[] start = {false};
        Lane lane = lanes.compute(key, (k, existing) -> {
            Lane l = existing != null ? existing : new Lane(k);
            l.queue.addLast(job);
            if (!l.running) {
                l.running = true;
                start[0] = true;
            }
            return l;
        });
        if (start[0]) {
            runNext(lane);
        }
    }

    /** Jobs queued for {@code key} and not started yet. */
    int queued(String key) {
        int[] count = {0};
        lanes.computeIfPresent(key, (k, lane) -> {
            count[0] = lane.queue.size();
            return lane;
        });
        return count[0];
    }

    /**
     * Takes the jobs of {@code type} that are queued for {@code key} and not started yet out of the lane, in order,
     * so that the caller does their work at once; jobs of other types stay queued in their order. Meant for the
     * lane's running job: nothing of the key runs meanwhile, so the order of the key's work is kept.
     */
    <T> List<T> takeQueued(String key, Class<T> type) {
        List<T> taken = new ArrayList<>();
        lanes.computeIfPresent(key, (k, lane) -> {
            lane.queue.removeIf(job -> {
                if (type.isInstance(job)) {
                    taken.add(type.cast(job));
                    return true;
                }
                return false;
            });
            return lane;
        });
        return taken;
    }

    /** Lanes with queued or running work. */
    int activeLanes() {
        return lanes.size();
    }

    /** Stops starting jobs and cancels the running ones (at shutdown, after the consumers have stopped). */
    void close() {
        closed = true;
        lanes.values().forEach(lane -> {
            Disposable current = lane.current;
            if (current != null) {
                current.dispose();
            }
        });
        lanes.clear();
    }

    private void runNext(Lane lane) {
        if (closed) {
            return;
        }
        Supplier<Mono<Void>> job = takeNextOrRetire(lane);
        if (job == null) {
            return;
        }
        // subscribeOn: each job starts on the scheduler, so a job that completes at once cannot recurse deeper
        lane.current = Mono.defer(job)
                .subscribeOn(scheduler)
                .onErrorResume(error -> {
                    log.error("A delivery job of lane {} failed unexpectedly", lane.key, error);
                    return Mono.empty();
                })
                .doFinally(signal -> runNext(lane))
                .subscribe();
    }

    private Supplier<Mono<Void>> takeNextOrRetire(Lane lane) {
        Object[] next = {null};
        lanes.computeIfPresent(lane.key, (key, l) -> {
            if (l != lane) {
                return l;
            }
            next[0] = l.queue.pollFirst();
            if (next[0] == null) {
                l.running = false;
                return null;
            }
            return l;
        });
        @SuppressWarnings("unchecked")
        Supplier<Mono<Void>> job = (Supplier<Mono<Void>>) next[0];
        return job;
    }

    /** Guarded by the map's per-key lock: only touched inside compute. */
    private static final class Lane {
        final String key;
        final ArrayDeque<Supplier<Mono<Void>>> queue = new ArrayDeque<>();
        boolean running;
        volatile Disposable current;

        Lane(String key) {
            this.key = key;
        }
    }
}

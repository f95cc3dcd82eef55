package org.breadbot.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The chats of one partition assignment that have parked replies (docs/sender.md, "Parked chats"), and when each
 * is to be drained next. Every reply of such a chat is parked behind the ones before it until its parked replies
 * are all done, so its order is kept; the chats are loaded from {@code parked_replies} when the partition is
 * assigned, and their drains are scheduled on timers, so a chat that waits an hour holds nothing in memory but a
 * timer.
 *
 * <p>Decisions about a chat are only taken by the jobs of its lane (one at a time); the timers only submit drains.
 */
class ParkedChats {

    private static final Logger log = LoggerFactory.getLogger(ParkedChats.class);

    /** No parking at all: for trackers of tests that deliver nothing. */
    static final ParkedChats NONE = new ParkedChats();

    private final TopicPartition partition;
    private final Set<String> chats = ConcurrentHashMap.newKeySet();
    private final Map<String, Disposable> timers = new ConcurrentHashMap<>();
    private final Scheduler timer;
    private final Consumer<String> drain;
    private final Mono<Void> loaded;
    private volatile boolean closed;
    private volatile Disposable loading;

    private ParkedChats() {
        this.partition = null;
        this.timer = null;
        this.drain = key -> { };
        this.loaded = Mono.empty();
    }

    /**
     * @param drain submits a drain of the chat to its lane
     * @param load  the chats of the partition with parked replies, as stored, retried while the database is away
     */
    ParkedChats(TopicPartition partition, Scheduler timer, Consumer<String> drain, Mono<List<String>> load) {
        this.partition = partition;
        this.timer = timer;
        this.drain = drain;
        this.loaded = load
                .doOnNext(keys -> {
                    chats.addAll(keys);
                    keys.forEach(key -> drainAt(key, Instant.now()));
                    if (!keys.isEmpty()) {
                        log.info("{} chat(s) of {} have parked replies", keys.size(), partition);
                    }
                })
                .then()
                .cache();
    }

    /** Starts loading the stored chats now, so that their drains are scheduled without waiting for a record. */
    void start() {
        loading = loaded.subscribe(done -> { }, failure -> log.error("Could not load the parked chats of {} ({}); its"
                + " records wait until the partition is assigned again", partition,
                Secrets.mask(String.valueOf(failure))));
    }

    /** Completes once the stored chats of the partition are known; every decision about a chat waits for it. */
    Mono<Void> loaded() {
        return loaded;
    }

    boolean contains(String chatKey) {
        return chats.contains(chatKey);
    }

    int size() {
        return chats.size();
    }

    /** The chat has parked replies now: its later replies are parked behind them. */
    void add(String chatKey) {
        chats.add(chatKey);
    }

    /** The chat's parked replies are all done; its drain timer, if any, is dropped. */
    void remove(String chatKey) {
        chats.remove(chatKey);
        Disposable pending = timers.remove(chatKey);
        if (pending != null) {
            pending.dispose();
        }
    }

    /** Drains the chat at {@code due} (at once when it is past), unless a drain of it is pending already. */
    void drainAt(String chatKey, Instant due) {
        if (closed || timer == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
        timers.compute(chatKey, (key, pending) -> {
            if (pending != null && !pending.isDisposed()) {
                return pending;
            }
            return timer.schedule(() -> fire(key), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void fire(String chatKey) {
        timers.remove(chatKey);
        if (!closed) {
            try {
                drain.accept(chatKey);
            } catch (RuntimeException failure) {
                log.warn("Could not start draining chat {} of {}: {}", chatKey, partition,
                        Secrets.mask(String.valueOf(failure)));
            }
        }
    }

    /** The partition is gone: no more drains from here; the parked replies stay stored for the next owner. */
    void close() {
        closed = true;
        Disposable load = loading;
        if (load != null) {
            load.dispose();
        }
        timers.values().forEach(Disposable::dispose);
        timers.clear();
    }
}

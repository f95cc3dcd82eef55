package org.breadbot.sender;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * At most {@code permits} records do their pre-send look-ups (delivery log, migration, blocked chat) at a time, the
 * others wait in arrival order. Without it, thousands of records taken at once each queue three queries at the
 * connection pool, and all of them finish their look-ups at about the same time, seconds later: no reply goes out
 * meanwhile. Through the gate they come out of the look-ups a few at a time, at the database's pace.
 *
 * <p>A record's work is cancelled when its partition is revoked, also while it still waits its turn; a cancelled
 * waiter leaves the queue, or passes on the permit it was handed at that moment, so no permit is ever lost.
 */
final class LookupGate {

    private final Deque<Permit> waiting = new ArrayDeque<>();
    private int free;

    LookupGate(int permits) {
        this.free = permits;
    }

    /** Subscribes to {@code work} once a permit is free; the permit goes back when it ends in any way. */
    <T> Mono<T> around(Mono<T> work) {
        return Mono.usingWhen(turn(), permit -> work, permit -> Mono.fromRunnable(permit::release));
    }

    /** Permits free right now. */
    int free() {
        synchronized (waiting) {
            return free;
        }
    }

    /** Emits the permit once this subscriber holds it. */
    private Mono<Permit> turn() {
        return Mono.defer(() -> {
            Permit permit = enter();
            return Mono.fromFuture(permit.granted, true).thenReturn(permit).doOnCancel(permit::abandon);
        });
    }

    private Permit enter() {
        Permit permit = new Permit();
        synchronized (waiting) {
            if (free > 0) {
                free--;
                permit.granted.complete(true);
            } else {
                waiting.addLast(permit);
            }
        }
        return permit;
    }

    private void leave() {
        Permit next;
        synchronized (waiting) {
            next = waiting.pollFirst();
            if (next == null) {
                free++;
                return;
            }
        }
        next.granted.complete(true);
    }

    /** One turn through the gate; given back exactly once, however it ends. */
    private final class Permit {

        final CompletableFuture<Boolean> granted = new CompletableFuture<>();
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                leave();
            }
        }

        /** Cancelled before the work began: out of the queue, or the permit it was just handed goes to the next. */
        void abandon() {
            synchronized (waiting) {
                if (waiting.remove(this)) {
                    released.set(true);
                    return;
                }
            }
            release();
        }
    }
}

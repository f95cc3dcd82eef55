package org.breadbot.sender;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * At most {@code permits} records do their pre-send look-ups (delivery log, migration, blocked chat) at a time, the
 * others wait in arrival order. Without it, thousands of records taken at once each queue three queries at the
 * connection pool, and all of them finish their look-ups at about the same time, seconds later: no reply goes out
 * meanwhile. Through the gate they come out of the look-ups a few at a time, at the database's pace.
 */
final class LookupGate {

    private final Deque<CompletableFuture<Boolean>> waiting = new ArrayDeque<>();
    private int free;

    LookupGate(int permits) {
        this.free = permits;
    }

    /** Subscribes to {@code work} once a permit is free; the permit goes back when it ends in any way. (The turn is
     * a {@code true}, not a {@code null}: a future of null would make the resource Mono empty and skip the work.) */
    <T> Mono<T> around(Mono<T> work) {
        return Mono.usingWhen(Mono.fromFuture(this::enter, true), entered -> work, entered -> Mono.fromRunnable(
                this::leave));
    }

    private CompletableFuture<Boolean> enter() {
        synchronized (waiting) {
            if (free > 0) {
                free--;
                return CompletableFuture.completedFuture(true);
            }
            CompletableFuture<Boolean> turn = new CompletableFuture<>();
            waiting.addLast(turn);
            return turn;
        }
    }

    private void leave() {
        CompletableFuture<Boolean> next;
        synchronized (waiting) {
            next = waiting.pollFirst();
            if (next == null) {
                free++;
                return;
            }
        }
        next.complete(true);
    }
}

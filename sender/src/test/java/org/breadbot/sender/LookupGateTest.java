package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

class LookupGateTest {

    private final LookupGate gate = new LookupGate(2);

    @Test
    void noMoreThanThePermitsRunAtOnceAndTheRestWaitInOrder() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Empty<Void> second = Sinks.empty();
        List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();

        Disposable a = gate.around(Mono.fromRunnable(() -> started.add("a")).then(first.asMono())).subscribe();
        Disposable b = gate.around(Mono.fromRunnable(() -> started.add("b")).then(second.asMono())).subscribe();
        Disposable c = gate.around(Mono.fromRunnable(() -> started.add("c"))).subscribe();
        Disposable d = gate.around(Mono.fromRunnable(() -> started.add("d"))).subscribe();

        assertThat(started).containsExactly("a", "b");
        first.tryEmitEmpty();
        assertThat(started).containsExactly("a", "b", "c", "d");
        second.tryEmitEmpty();
        assertThat(gate.free()).isEqualTo(2);
        List.of(a, b, c, d).forEach(Disposable::dispose);
    }

    @Test
    void aWaiterCancelledBeforeItsTurnTakesNoPermitAway() {
        Sinks.Empty<Void> busy = Sinks.empty();
        Disposable a = gate.around(busy.asMono()).subscribe();
        Disposable b = gate.around(busy.asMono()).subscribe();
        AtomicInteger ran = new AtomicInteger();
        Disposable cancelled = gate.around(Mono.fromRunnable(ran::incrementAndGet)).subscribe();

        cancelled.dispose();
        busy.tryEmitEmpty();

        assertThat(ran).hasValue(0);
        assertThat(gate.free()).isEqualTo(2);
        List.of(a, b).forEach(Disposable::dispose);
    }

    @Test
    void workCancelledWhileRunningGivesItsPermitBack() {
        Disposable hung = gate.around(Mono.never()).subscribe();
        assertThat(gate.free()).isEqualTo(1);

        hung.dispose();

        assertThat(gate.free()).isEqualTo(2);
    }

    @Test
    void noPermitIsLostWhenThousandsAreCancelledAtRandomMomentsFromManyThreads() {
        List<Mono<Integer>> works = IntStream.range(0, 5_000)
                .mapToObj(i -> gate.around(Mono.delay(Duration.ofNanos(i % 7 * 1_000)).thenReturn(i))
                        .timeout(Duration.ofNanos(i % 11 * 3_000), Mono.just(-1))
                        .subscribeOn(Schedulers.parallel()))
                .toList();

        Flux.merge(works).blockLast(Duration.ofSeconds(30));

        assertThat(gate.free()).isEqualTo(2);
    }
}

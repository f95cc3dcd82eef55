package org.breadbot.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.breadbot.bench.workload.WorkloadUpdate;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Posts webhook updates the way Telegram does: over a fixed pool of connections (Telegram's default
 * {@code max_connections} is 40, up to 100), with the secret header.
 *
 * <p>Two modes. <b>Fixed rate</b> is an open loop: request {@code i} is due at {@code start + i / rate} whether or
 * not earlier ones were answered, and its latency counts from that due time, so a stall shows up as the latency
 * of every request that should have gone out during it (coordinated omission corrected). <b>Max</b> is a closed
 * loop: each connection posts the next update as soon as the previous one is answered.
 */
public final class LoadGenerator implements AutoCloseable {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final String path;
    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;
    private final int connections;

    /** @param baseUrl e.g. {@code http://127.0.0.1:8080}; the webhook is {@code baseUrl + path} */
    public LoadGenerator(String baseUrl, String path, String secret, int connections) {
        this.path = path;
        this.connections = connections;
        this.pool = ConnectionProvider.builder("bench-webhook")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(2))
                .build();
        // two event loops: the machine has two cores and the services need them more than the generator
        this.loops = LoopResources.create("bench-load", 2, true);
        this.client = HttpClient.create(pool)
                .runOn(loops)
                .baseUrl(baseUrl)
                .headers(headers -> headers
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set(SECRET_HEADER, secret))
                .responseTimeout(Duration.ofSeconds(60));
    }

    public int connections() {
        return connections;
    }

    /** Open loop at {@code rate} requests/s: warm-up first (not recorded), then the measured window. */
    public LoadResult fixedRate(UpdateSource source, double rate, Duration warmUp, Duration measure,
            SendTimes times) {
        Tally tally = new Tally();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        double interval = 1e9 / rate;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * interval);
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            WorkloadUpdate update = source.next();
            if (update == null) {
                break;
            }
            times.record(update, due);
            boolean measured = due >= measureFrom;
            tally.started();
            post(update.body()).subscribe(
                    status -> tally.answered(measured, status, due),
                    error -> tally.failed(measured, due));
        }
        tally.awaitIdle(Duration.ofMinutes(2));
        return tally.result(measureFrom, measure);
    }

    /** Closed loop, one request in flight per connection: warm-up first (not recorded), then the window. */
    public LoadResult max(UpdateSource source, Duration warmUp, Duration measure, SendTimes times) {
        Tally tally = new Tally();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicInteger working = new AtomicInteger(connections);
        for (int worker = 0; worker < connections; worker++) {
            sendNext(source, times, tally, measureFrom, end, working);
        }
        while (working.get() > 0 && System.nanoTime() < end) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        tally.awaitIdle(Duration.ofMinutes(2));
        long now = System.nanoTime();
        // the source may run out before the window ends: the window is then as long as the posting lasted
        return tally.result(measureFrom, now < end ? Duration.ofNanos(Math.max(1_000_000, now - measureFrom))
                : measure);
    }

    private void sendNext(UpdateSource source, SendTimes times, Tally tally, long measureFrom, long end,
            AtomicInteger working) {
        long started = System.nanoTime();
        WorkloadUpdate update = started < end ? source.next() : null;
        if (update == null) {
            working.decrementAndGet();
            return;
        }
        times.record(update, started);
        boolean measured = started >= measureFrom;
        tally.started();
        post(update.body())
                .doOnNext(status -> tally.answered(measured, status, started))
                .doOnError(error -> tally.failed(measured, started))
                // a refused connection fails at once: pause so a dead server is not spun against
                .onErrorResume(error -> Mono.delay(Duration.ofMillis(20)).thenReturn(0))
                .subscribe(ignored -> sendNext(source, times, tally, measureFrom, end, working));
    }

    /** One POST; emits the status code, or an error when there was no response. */
    Mono<Integer> post(byte[] body) {
        // with its Content-Length, as Telegram sends it: a body without one is sent chunked, which servers read
        // differently (and more slowly)
        return client.post()
                .uri(path)
                .send((request, outbound) -> {
                    request.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    return outbound.send(Mono.just(Unpooled.wrappedBuffer(body)));
                })
                .responseSingle((response, content) -> content.asByteArray()
                        .then(Mono.just(response.status().code())));
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }
}

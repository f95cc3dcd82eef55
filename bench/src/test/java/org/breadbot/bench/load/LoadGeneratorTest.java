package org.breadbot.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class LoadGeneratorTest {

    private static final String SECRET = "s3cret";
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger withSecret = new AtomicInteger();
    private DisposableServer server;

    @BeforeEach
    void startServer() {
        // every fifth request is refused with 503, as ingress does when Kafka does not ack
        server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            int n = received.incrementAndGet();
            if (SECRET.equals(request.requestHeaders().get(LoadGenerator.SECRET_HEADER))) {
                withSecret.incrementAndGet();
            }
            return request.receive().aggregate().then(
                    response.status(n % 5 == 0 ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK)
                            .send().then());
        }).bindNow();
    }

    @AfterEach
    void stopServer() {
        server.disposeNow();
    }

    @Test
    void closedLoopCountsAddUpToWhatTheServerReceived() {
        List<WorkloadUpdate> updates = updates(1_000);
        SendTimes times = new SendTimes();

        LoadResult result;
        try (LoadGenerator generator = generator(8)) {
            result = generator.max(UpdateSource.once(updates), Duration.ZERO, Duration.ofMinutes(1), times);
        }

        assertThat(result.requests()).isEqualTo(1_000).isEqualTo(received.get());
        assertThat(result.ok()).isEqualTo(800);
        assertThat(result.otherStatus()).containsEntry(503, 200L);
        assertThat(result.errors()).isZero();
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(1_000);
        assertThat(withSecret.get()).isEqualTo(1_000);
        assertThat(times.size()).isEqualTo(updates.stream().filter(update -> update.kind().answered()).count());
    }

    @Test
    void openLoopPostsEveryDueRequestAndRecordsOnlyTheMeasuredWindow() {
        List<WorkloadUpdate> updates = updates(10_000);

        LoadResult result;
        try (LoadGenerator generator = generator(4)) {
            result = generator.fixedRate(UpdateSource.once(updates), 200, Duration.ofMillis(500),
                    Duration.ofSeconds(1), new SendTimes());
        }

        // 1.5 s at 200/s: 300 due, of which the window's 200 are recorded
        assertThat(received.get()).isEqualTo(300);
        assertThat(result.requests()).isEqualTo(200);
        assertThat(result.ok() + result.otherStatus().getOrDefault(503, 0L)).isEqualTo(200);
    }

    @Test
    void aDeadServerCountsAsErrorsNotAsAnswers() {
        int port = server.port();
        server.disposeNow();

        LoadResult result;
        try (LoadGenerator generator = new LoadGenerator("http://127.0.0.1:" + port, "/telegram/webhook", SECRET, 2)) {
            result = generator.max(UpdateSource.once(updates(20)), Duration.ZERO, Duration.ofMinutes(1),
                    new SendTimes());
        }

        assertThat(result.errors()).isEqualTo(20);
        assertThat(result.ok()).isZero();
    }

    private LoadGenerator generator(int connections) {
        return new LoadGenerator("http://127.0.0.1:" + server.port(), "/telegram/webhook", SECRET, connections);
    }

    private static List<WorkloadUpdate> updates(int count) {
        return new Workload(ChatPopulation.of(50, 1.1), UpdateMix.standard(), 1).next(count);
    }
}

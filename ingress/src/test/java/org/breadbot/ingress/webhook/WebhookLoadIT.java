package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.breadbot.ingress.UpdatesTopic;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Webhook requests under concurrency through a real (embedded) broker with acks=all, with their rate and latency
 * printed. Not a throughput figure: the WebClient and the broker share ingress's JVM and cores, which gave ~970 req/s
 * where {@code wrk} against the exec jar and a broker of its own gives ~15,000 (docs/operations.md, "Ingress
 * performance"). Off by default; run with
 * {@code ./mvnw -B -o -pl ingress verify -Dit.test=WebhookLoadIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dingress.load=true [-Dingress.load.requests=5000 -Dingress.load.concurrency=32]}.
 */
@EnabledIfSystemProperty(named = "ingress.load", matches = "true")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bread-bot.ingress.webhook.secret=" + WebhookLoadIT.SECRET)
class WebhookLoadIT {

    static final String SECRET = "load_test_secret";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    private Mono<Long> timedPost(WebClient client, byte[] body) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return client.post().uri("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookHandler.SECRET_HEADER, SECRET).bodyValue(body)
                    .retrieve().toBodilessEntity()
                    .map(response -> {
                        assertThat(response.getStatusCode().value()).isEqualTo(200);
                        return System.nanoTime() - started;
                    });
        });
    }

    private List<Long> run(WebClient client, List<byte[]> bodies, int concurrency) {
        return Flux.fromIterable(bodies).flatMap(body -> timedPost(client, body), concurrency)
                .collectSortedList().block(Duration.ofMinutes(10));
    }

    @Test
    void measureWebhookThroughputAndLatency() {
        int requests = Integer.getInteger("ingress.load.requests", 5000);
        int concurrency = Integer.getInteger("ingress.load.concurrency", 32);
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Updates.Builder> updates = java.util.stream.IntStream.range(0, requests + 500)
                .mapToObj(i -> Updates.text("Хлеб нагрузка " + i).inGroup(-1L - i % 500)).toList();
        List<byte[]> bodies = updates.stream().map(Updates.Builder::bytes).toList();

        run(client, bodies.subList(0, 500), concurrency);
        long started = System.nanoTime();
        List<Long> latencies = run(client, bodies.subList(500, bodies.size()), concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("%nWEBHOOK LOAD: %d requests, concurrency %d: %.0f req/s; latency ms p50 %.1f, p90 %.1f, "
                + "p99 %.1f, max %.1f%n%n", requests, concurrency, requests / seconds, ms(latencies, 0.50),
                ms(latencies, 0.90), ms(latencies, 0.99), ms(latencies, 1.0));
        assertThat(UpdatesTopic.await(updates.get(updates.size() - 1).id(), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

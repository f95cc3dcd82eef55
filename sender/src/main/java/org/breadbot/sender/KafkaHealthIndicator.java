package org.breadbot.sender;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;

/** Readiness: a broker answers and the reply consumers are running. */
final class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private final Admin admin;
    private final MessageListenerContainer container;
    private final Duration timeout;

    KafkaHealthIndicator(Admin admin, MessageListenerContainer container, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.container = container;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        if (!container.isRunning()) {
            return Mono.just(builder.down().withDetail("consumers", "stopped").build());
        }
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        return Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture())
                .timeout(timeout.plusMillis(500))
                .map(nodes -> nodes.isEmpty()
                        ? builder.down().withDetail("nodes", 0).build()
                        : builder.up().withDetail("nodes", nodes.size()).build());
    }
}

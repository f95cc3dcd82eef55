package org.breadbot.ingress.kafka;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Readiness: ingress can store nothing while no broker answers, so it should get no webhook traffic then.
 * Asks the cluster for its nodes with a short timeout.
 */
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private final Admin admin;
    private final Duration timeout;

    KafkaHealthIndicator(Admin admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        return Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture())
                .timeout(timeout.plusMillis(500))
                .map(nodes -> nodes.isEmpty()
                        ? builder.down().withDetail("nodes", 0).build()
                        : builder.up().withDetail("nodes", nodes.size()).build());
    }
}

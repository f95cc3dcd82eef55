package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.breadbot.common.secret.Secrets;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** {@code kafka} in the readiness group: UP while the cluster answers a describe-cluster request. */
final class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        this.adminConfig = adminConfig;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCompletionStage(() -> admin()
                        .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId()
                        .toCompletionStage())
                .map(clusterId -> Health.up().withDetail("clusterId", clusterId).build())
                .timeout(timeout.plusSeconds(1))
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("error", Secrets.mask(e.getClass().getName() + ": " + e.getMessage()))
                        .build()));
    }

    /** Created on first use, so that building the context never touches the network. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}

package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.breadbot.common.secret.Secrets;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;

/**
 * {@code kafka} in the readiness group: UP while the cluster answers a describe-cluster request and the consumers of
 * {@code telegram.updates} run (a stopped container takes no updates, so the instance is not ready).
 */
final class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final MessageListenerContainer consumers;
    private Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        this(adminConfig, timeout, null);
    }

    /** @param consumers the container whose consumers must run; null to check the cluster only */
    KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout, MessageListenerContainer consumers) {
        this.adminConfig = adminConfig;
        this.timeout = timeout;
        this.consumers = consumers;
    }

    @Override
    public Mono<Health> health() {
        if (consumers != null && !consumers.isRunning()) {
            return Mono.just(Health.down().withDetail("consumers", "stopped").build());
        }
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

package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.breadbot.common.kafka.GroupProtocol;
import org.breadbot.common.kafka.TopicProvisioner;
import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Runs just before the consumers start: creates missing topics and chooses the group protocol, then configures
 * the consumer factory with it. When the broker cannot be reached in time it warns and goes on with the classic
 * protocol (every broker speaks it); the consumers then connect once Kafka is up and readiness reports it.
 */
final class KafkaStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaStartup.class);

    private final Map<String, Object> adminConfig;
    private final TopicProvisioner provisioner;
    private final ConsumerFactory<?, ?> consumerFactory;
    private final GroupProtocol configured;
    private final Duration timeout;
    private volatile boolean running;

    KafkaStartup(Map<String, Object> adminConfig, TopicProvisioner provisioner,
            ConsumerFactory<?, ?> consumerFactory, GroupProtocol configured, Duration timeout) {
        this.adminConfig = adminConfig;
        this.provisioner = provisioner;
        this.consumerFactory = consumerFactory;
        this.configured = configured;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        try (Admin admin = Admin.create(adminConfig)) {
            provisionTopics(admin);
            GroupProtocol protocol = configured.resolve(admin, timeout);
            if (protocol == GroupProtocol.CONSUMER) {
                consumerFactory.removeConfig(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
            }
            consumerFactory.updateConfigs(consumerConfig(protocol));
            log.info("Consumers use the {} group protocol", protocol.name().toLowerCase());
        }
        running = true;
    }

    private void provisionTopics(Admin admin) {
        try {
            provisioner.provision(admin, List.of(), timeout);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not check or create the topics at start-up: {}", Secrets.mask(String.valueOf(e)));
        }
    }

    /** The consumer settings of a resolved protocol (see {@link GroupProtocol#consumerConfig()}). */
    static Map<String, Object> consumerConfig(GroupProtocol protocol) {
        return protocol.consumerConfig();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers start. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
    }
}

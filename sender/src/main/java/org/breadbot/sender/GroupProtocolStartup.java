package org.breadbot.sender;

import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.breadbot.common.kafka.GroupProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Settles the group protocol of the reply consumers before they start: Kafka 4's {@code consumer} protocol where
 * the broker offers it, the classic one with cooperative rebalancing otherwise (or when the broker does not answer
 * in time; every broker speaks it). Same rule as the processor's.
 */
final class GroupProtocolStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GroupProtocolStartup.class);

    private final Admin admin;
    private final DefaultKafkaConsumerFactory<String, byte[]> consumerFactory;
    private final GroupProtocol configured;
    private final Duration timeout;

    GroupProtocolStartup(Admin admin, DefaultKafkaConsumerFactory<String, byte[]> consumerFactory,
            GroupProtocol configured, Duration timeout) {
        this.admin = admin;
        this.consumerFactory = consumerFactory;
        this.configured = configured;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        GroupProtocol protocol = configured.resolve(admin, timeout);
        if (protocol == GroupProtocol.CONSUMER) {
            consumerFactory.removeConfig(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        }
        consumerFactory.updateConfigs(protocol.consumerConfig());
        log.info("Reply consumers use the {} group protocol", protocol.name().toLowerCase(Locale.ROOT));
    }
}

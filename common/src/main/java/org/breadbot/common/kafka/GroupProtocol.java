package org.breadbot.common.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeFeaturesOptions;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which rebalance protocol a consumer group of bread-bot speaks ({@code bread-bot.<service>.group-protocol}). Both
 * move only the partitions that change owner, so a rebalance never stops the whole group: KIP-848's
 * {@code consumer} protocol assigns on the broker, the {@code classic} one uses the cooperative sticky assignor.
 */
public enum GroupProtocol {

    /** {@link #CONSUMER} when the broker has {@code group.version} ≥ 1 (Kafka 4), {@link #CLASSIC} otherwise. */
    AUTO,
    /** KIP-848 ({@code group.protocol=consumer}). */
    CONSUMER,
    /** {@code group.protocol=classic} with the cooperative sticky assignor. */
    CLASSIC;

    /** The broker feature that enables KIP-848 groups. */
    public static final String GROUP_VERSION_FEATURE = "group.version";

    private static final Logger log = LoggerFactory.getLogger(GroupProtocol.class);

    /**
     * The protocol to use: this one, or for {@link #AUTO} what the broker supports. A broker that does not answer
     * within {@code timeout} gets {@link #CLASSIC}, which every broker speaks.
     */
    public GroupProtocol resolve(Admin admin, Duration timeout) {
        if (this != AUTO) {
            return this;
        }
        try {
            FinalizedVersionRange groupVersion = admin
                    .describeFeatures(new DescribeFeaturesOptions().timeoutMs((int) timeout.toMillis()))
                    .featureMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .finalizedFeatures().get(GROUP_VERSION_FEATURE);
            return groupVersion != null && groupVersion.maxVersionLevel() >= 1 ? CONSUMER : CLASSIC;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not ask the broker for {}; falling back to the classic group protocol: {}",
                    GROUP_VERSION_FEATURE, Secrets.mask(String.valueOf(e)));
            return CLASSIC;
        }
    }

    /**
     * The consumer settings of a resolved protocol. KIP-848 assigns on the broker and rejects a client assignor, so
     * a caller that applies {@link #CONSUMER} must also remove {@code partition.assignment.strategy}.
     */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        if (this == CONSUMER) {
            config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        } else {
            config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        }
        return config;
    }
}

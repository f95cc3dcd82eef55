package org.breadbot.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates bread-bot's topics when they are missing and leaves existing ones exactly as they are: adding
 * partitions would move chats to other partitions and break per-chat order, so a difference in partition count,
 * replication factor or retention is only warned about (docs/operations.md says how to change them by hand).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final TopicsProperties properties;

    public TopicProvisioner(TopicsProperties properties) {
        this.properties = properties;
    }

    /** The topics bread-bot uses, with the settings new ones get. */
    public List<NewTopic> declarations() {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(Topics.UPDATES, properties.updatesRetention()));
        topics.add(topic(Topics.UPDATES_DLT, properties.updatesRetention()));
        topics.add(topic(Topics.REPLIES, properties.repliesRetention()));
        topics.add(topic(Topics.REPLIES_DLT, properties.updatesRetention()));
        topics.add(topic(Topics.JOBS, properties.repliesRetention()));
        topics.add(topic(Topics.JOBS_DLT, properties.updatesRetention()));
        return topics;
    }

    /**
     * Creates the missing topics among {@code names} (all of {@link #declarations()} when empty) and returns once
     * every partition of the created ones has a leader that answers, so a write right after it is accepted.
     *
     * @throws java.util.concurrent.TimeoutException when a step, or the leaders of a created topic, take longer than
     *                                               {@code timeout}; the message names the topic
     */
    public void provision(Admin admin, Collection<String> names, Duration timeout)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (!properties.create()) {
            return;
        }
        List<NewTopic> wanted = declarations().stream()
                .filter(t -> names.isEmpty() || names.contains(t.name()))
                .toList();
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            create(admin, missing, timeout);
            // producers are idempotent with several requests in flight: a first write that reaches a partition the
            // broker does not lead yet is lost (see PartitionLeaders); topics that already existed are not waited for
            PartitionLeaders.await(admin, missing.stream().map(NewTopic::name).toList(), timeout);
        }
        warnAboutDifferences(admin, wanted, timeout);
    }

    private static void create(Admin admin, List<NewTopic> missing, Duration timeout)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (NewTopic topic : missing) {
            try {
                created.get(topic.name()).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                log.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new ExecutionException("cannot create topic " + topic.name() + ": " + e.getCause(),
                            e.getCause());
                }
                // another replica created it first: fine, though just as new, so its leaders are awaited too
            } catch (java.util.concurrent.TimeoutException e) {
                throw new java.util.concurrent.TimeoutException("topic " + topic.name() + " was not created within "
                        + timeout);
            }
        }
    }

    private void warnAboutDifferences(Admin admin, List<NewTopic> wanted, Duration timeout)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<String, TopicDescription> described = admin.describeTopics(wanted.stream().map(NewTopic::name).toList())
                .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (NewTopic topic : wanted) {
            TopicDescription description = described.get(topic.name());
            if (description == null) {
                continue;
            }
            if (description.partitions().size() != topic.numPartitions()) {
                log.warn("Topic {} has {} partitions but {} are configured; leaving it unchanged "
                        + "(changing the count would move chats between partitions)",
                        topic.name(), description.partitions().size(), topic.numPartitions());
            }
            int replicas = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
            if (replicas != topic.replicationFactor()) {
                log.warn("Topic {} has replication factor {} but {} is configured; leaving it unchanged "
                        + "(reassign its partitions with kafka-reassign-partitions.sh to change it)",
                        topic.name(), replicas, topic.replicationFactor());
            }
        }
        warnAboutRetention(admin, wanted, timeout);
    }

    /** Retention is only read: an operator may have changed it on purpose (kafka-configs.sh --alter). */
    private void warnAboutRetention(Admin admin, List<NewTopic> wanted, Duration timeout)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        List<ConfigResource> resources = wanted.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
                .toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (NewTopic topic : wanted) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            ConfigEntry actual = config == null ? null : config.get(TopicConfig.RETENTION_MS_CONFIG);
            String configured = topic.configs().get(TopicConfig.RETENTION_MS_CONFIG);
            if (actual != null && configured != null && !configured.equals(actual.value())) {
                log.warn("Topic {} keeps records for retention.ms={} but {} is configured; leaving it unchanged",
                        topic.name(), actual.value(), configured);
            }
        }
    }

    private NewTopic topic(String name, Duration retention) {
        long retentionMs = retention.isNegative() ? -1 : retention.toMillis();
        return new NewTopic(name, properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)));
    }
}

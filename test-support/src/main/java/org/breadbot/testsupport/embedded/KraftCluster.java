package org.breadbot.testsupport.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;

/**
 * Three Kafka nodes in this JVM, each broker and controller of one KRaft quorum, laid out as operators run Kafka:
 * topics created without explicit settings get replication factor 3 and {@code min.insync.replicas} 2, so a write
 * acknowledged by {@code acks=all} survives the loss of any one node. Nodes stop and start one at a time, keeping
 * their data and ports.
 */
public final class KraftCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final List<KraftBroker> nodes;

    private KraftCluster(List<KraftBroker> nodes) {
        this.nodes = nodes;
    }

    /**
     * Three nodes with their data under {@code directory/node-<id>}, {@code partitions} per new topic and the broker
     * properties given (e.g. a shorter consumer session timeout).
     */
    public static KraftCluster start(Path directory, int partitions, Map<String, String> properties) {
        int size = 3;
        int[] controllerPorts = new int[size];
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < size; i++) {
            controllerPorts[i] = freePort();
            voters.append(i == 0 ? "" : ",").append(i + 1).append('@').append(HOST).append(':')
                    .append(controllerPorts[i]);
        }
        List<KraftBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            KraftBroker.Builder node = KraftBroker.builder()
                    .nodeId(i + 1)
                    .controllerPort(controllerPorts[i])
                    .voters(voters.toString())
                    .logDirectory(directory.resolve("node-" + (i + 1)))
                    .defaultPartitions(partitions)
                    .property("default.replication.factor", "3")
                    .property("min.insync.replicas", "2")
                    .property("offsets.topic.replication.factor", "3")
                    .property("transaction.state.log.replication.factor", "3")
                    .property("transaction.state.log.min.isr", "2")
                    .property("share.coordinator.state.topic.replication.factor", "3")
                    .property("share.coordinator.state.topic.min.isr", "2")
                    // a stopped node's partitions get a new leader within a few seconds
                    .property("broker.session.timeout.ms", "6000")
                    .property("broker.heartbeat.interval.ms", "1000");
            properties.forEach(node::property);
            nodes.add(node.build());
        }
        KraftCluster cluster = new KraftCluster(nodes);
        try {
            // a node's start waits for the quorum, which needs a majority of them: all start at once
            CompletableFuture.allOf(nodes.stream()
                            .map(node -> CompletableFuture.runAsync(node::start))
                            .toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException("the three-node Kafka cluster did not start", e);
        }
        return cluster;
    }

    /** Every node's address, for clients. */
    public String bootstrapServers() {
        return nodes.stream().map(KraftBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The node with this {@code node.id} (1 to 3). */
    public KraftBroker node(int id) {
        return nodes.get(id - 1);
    }

    /** The {@code node.id} of the leader of the topic's partition, as the cluster reports it now. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            Node leader = description.partitions().get(partition).leader();
            if (leader == null) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader");
            }
            return leader.id();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /**
     * Stops every node at once: a node's broker waits for the controller quorum to let it go, and the last node
     * stopped alone would find no majority left and wait Kafka's fixed five minutes.
     */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(nodes.stream()
                            .map(node -> CompletableFuture.runAsync(() -> stopQuietly(node)))
                            .toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("kafka cluster: stopping failed: " + e);
        }
    }

    private static void stopQuietly(KraftBroker node) {
        try {
            node.stop();
        } catch (RuntimeException e) {
            System.err.println("kafka cluster: stopping " + node + " failed: " + e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}

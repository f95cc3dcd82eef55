package org.breadbot.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * An {@code apache/kafka} container (KRaft) configured like the embedded broker.
 *
 * <p>Its client port is bound to a fixed host port chosen once, and {@link #stop()}/{@link #start()} stop and
 * start the same container through the Docker API instead of Testcontainers' stop (which removes it): the topics
 * stay in the container's file system and the broker comes back on the same address, advertised by the start
 * script Testcontainers wrote into the container. This path needs a Docker engine and was not exercised where
 * there was none; a module that depends on outages can pin the embedded broker with
 * {@code -Dbread-bot.test.kafka=embedded}.
 */
final class ContainerKafkaBackend implements KafkaBackend {

    static final String DEFAULT_IMAGE = "apache/kafka:4.1.2";

    private static final int KAFKA_PORT = 9092;
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaContainer container;
    private final String bootstrapServers;
    private boolean running = true;

    private ContainerKafkaBackend(KafkaContainer container, int hostPort) {
        this.container = container;
        this.bootstrapServers = container.getHost() + ":" + hostPort;
    }

    static ContainerKafkaBackend launch(String image) {
        int hostPort = freePort();
        KafkaContainer container = new KafkaContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withCreateContainerCmdModifier(create -> create.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(KAFKA_PORT))));
        container.start();
        return new ContainerKafkaBackend(container, hostPort);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void stop() {
        if (running) {
            docker().stopContainerCmd(container.getContainerId()).exec();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (!running) {
            docker().startContainerCmd(container.getContainerId()).exec();
            awaitBroker();
            running = true;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public KraftBroker embedded() {
        throw new IllegalStateException("Kafka runs in a container (" + container.getDockerImageName()
                + "); run with -D" + BackendSelection.KAFKA + "=embedded to get the embedded broker");
    }

    @Override
    public void close() {
        container.stop();
    }

    private void awaitBroker() {
        long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get();
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka container did not come back on " + bootstrapServers
                                + " within " + RESTART_TIMEOUT + "; -D" + BackendSelection.KAFKA
                                + "=embedded uses the embedded broker", notYet);
                    }
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", notYet);
                    }
                }
            }
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    @Override
    public String toString() {
        return "container " + container.getDockerImageName() + " at " + bootstrapServers;
    }
}

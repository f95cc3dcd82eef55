package org.breadbot.testsupport.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Kafka 4 broker running in this JVM in KRaft combined mode (broker and controller in one node), for tests and
 * for the {@code standalone} module.
 *
 * <p>The log directory is formatted once, with a fixed cluster id, and reused afterwards: {@link #stop()} then
 * {@link #start()} brings the broker back on the same port with the same topics, records and committed offsets,
 * and so does a new process pointed at the same directory. Kafka 4's consumer group protocol
 * ({@code group.protocol=consumer}) works; internal topics use replication factor 1.
 */
public final class KraftBroker implements AutoCloseable {

    /** Fixed so that a directory formatted by one run is accepted by the next. */
    public static final String CLUSTER_ID = "Sda3i9-pShy9FhcxOhUXzg";

    private static final String HOST = "127.0.0.1";

    private final int nodeId;
    private final Path logDirectory;
    private final boolean temporaryDirectory;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> properties;
    private KafkaRaftServer server;

    private KraftBroker(Builder builder) {
        try {
            this.temporaryDirectory = builder.logDirectory == null;
            this.logDirectory = temporaryDirectory ? Files.createTempDirectory("kraft-broker")
                    : builder.logDirectory.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Kafka log directory", e);
        }
        this.nodeId = builder.nodeId;
        this.port = builder.port != 0 ? builder.port : freePort();
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : freePort();
        this.properties = brokerProperties(builder);
    }

    /** A builder: random port, temporary log directory, 1 partition per new topic, no auto-created topics. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker (a no-op when running), formatting the log directory first if it is new. */
    public synchronized KraftBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(properties, false);
        formatIfNew(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            try {
                starting.shutdown();
                starting.awaitShutdown();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers(), e);
        }
        server = starting;
        return this;
    }

    /** Stops the broker cleanly; the log directory, port and data stay for the next {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    /** Stops the broker and deletes the log directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        stop();
        if (temporaryDirectory) {
            deleteRecursively(logDirectory);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; the port never changes for this instance. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int nodeId() {
        return nodeId;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    private Map<String, String> brokerProperties(Builder builder) {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        // static voters are read from this config, not from the log, so the controller port may differ per process
        props.put("controller.quorum.voters", builder.voters != null ? builder.voters
                : nodeId + "@" + HOST + ":" + controllerPort);
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", Integer.toString(builder.defaultPartitions));
        props.put("auto.create.topics.enable", Boolean.toString(builder.autoCreateTopics));
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // small thread pools and buffers: the machine is shared with the tests themselves
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        props.putAll(builder.overrides);
        return props;
    }

    private void formatIfNew(KafkaConfig config) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setClusterId(CLUSTER_ID)
                    .setNodeId(nodeId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory.toString())
                    .setIgnoreFormatted(true)
                    // it prints "Formatting metadata directory ..." to stdout; a fresh directory needs no news
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDirectory, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    @Override
    public String toString() {
        return "KraftBroker[" + bootstrapServers() + ", " + logDirectory + (isRunning() ? ", running]" : "]");
    }

    /** Settings of a {@link KraftBroker}. */
    public static final class Builder {
        private int port;
        private int nodeId = 1;
        private int controllerPort;
        private String voters;
        private Path logDirectory;
        private int defaultPartitions = 1;
        private boolean autoCreateTopics;
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        /** The client port; 0 (the default) picks a free one once, kept across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code node.id}, 1 by default; a node of a {@link KraftCluster} has its own. */
        public Builder nodeId(int id) {
            this.nodeId = id;
            return this;
        }

        /** The controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** {@code controller.quorum.voters} ({@code id@host:port,...}); by default this node alone. */
        public Builder voters(String quorumVoters) {
            this.voters = quorumVoters;
            return this;
        }

        /** Where topics live; null (the default) means a temporary directory deleted by {@link #close()}. */
        public Builder logDirectory(Path directory) {
            this.logDirectory = directory;
            return this;
        }

        /** {@code num.partitions} of topics created without an explicit count. */
        public Builder defaultPartitions(int partitions) {
            this.defaultPartitions = partitions;
            return this;
        }

        /** {@code auto.create.topics.enable}; off by default so a missing topic is a visible error. */
        public Builder autoCreateTopics(boolean enabled) {
            this.autoCreateTopics = enabled;
            return this;
        }

        /** Any other broker property, e.g. {@code log.retention.ms}. */
        public Builder property(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        public KraftBroker build() {
            return new KraftBroker(this);
        }
    }
}

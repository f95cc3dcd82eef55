package org.breadbot.standalone.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.breadbot.common.kafka.Topics;
import org.breadbot.ingress.IngressApplication;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.breadbot.testsupport.embedded.KraftCluster;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * bread-bot laid out as in production, with every part in reach of a fault: a Kafka broker and a PostgreSQL of its
 * own (stopped and started with their data), the processor and the sender as JVMs of their own (killed with
 * {@code SIGKILL}), the ingress in this JVM, and the fake Telegram behind a {@link BotApiLink} (cut, slowed, held).
 * Nothing is shared with other test classes, so no earlier test's records or offsets get in the way.
 */
final class FaultRig implements AutoCloseable {

    static final String WEBHOOK_SECRET = "faults-webhook-secret_0123456789abcdef";
    static final String DB_PASSWORD = "faults_db_password_Zq81";
    /**
     * The short plan's outages last seconds, so the processor gives up on a publish within two instead of 30
     * (production): a reply that cannot reach Kafka then fails its flush during the outage, which is the path the
     * outbox exists for, instead of only waiting it out.
     */
    private static final Map<String, String> SHORT_PUBLISH_TIMEOUTS = Map.of(
            "bread-bot.processor.outbox.publish-timeout", "2s",
            "spring.kafka.producer.properties.delivery.timeout.ms", "2000",
            "spring.kafka.producer.properties.request.timeout.ms", "1500");

    final FaultPlan plan;
    /** The one broker, or null when the rig runs on {@link #cluster}. */
    final KraftBroker broker;
    /** Three brokers, or null when the rig runs on one {@link #broker}. */
    final KraftCluster cluster;
    final EmbeddedDatabase database;
    final FakeTelegram telegram;
    final BotApiLink link;
    final ServiceProcess processor;
    final ServiceProcess sender;
    final Path logs;
    /** What every processor of the rig is started with: the services' environment and the plan's settings. */
    private final Map<String, String> processorEnv;
    private ConfigurableApplicationContext ingress;
    /** The node {@link #refuseReplyWrites()} stopped. */
    private KraftBroker stoppedNode;

    private FaultRig(FaultPlan plan, KraftBroker broker, KraftCluster cluster, EmbeddedDatabase database,
            FakeTelegram telegram, BotApiLink link, Path logs, Map<String, String> processorSettings) {
        this.plan = plan;
        this.broker = broker;
        this.cluster = cluster;
        this.database = database;
        this.telegram = telegram;
        this.link = link;
        this.logs = logs;
        Map<String, String> env = serviceEnvironment();
        Map<String, String> processorEnv = new LinkedHashMap<>(env);
        this.processorEnv = processorEnv;
        Map<String, String> settings = new LinkedHashMap<>(plan.full() ? Map.of() : SHORT_PUBLISH_TIMEOUTS);
        settings.putAll(processorSettings);
        if (!settings.isEmpty()) {
            processorEnv.put("SPRING_APPLICATION_JSON", org.breadbot.common.json.Json.mapper()
                    .writeValueAsString(settings));
        }
        this.processor = new ServiceProcess("processor", "processor", "org.breadbot.processor.ProcessorApplication",
                processorEnv, freePort(), logs);
        this.sender = new ServiceProcess("sender", "sender", "org.breadbot.sender.SenderApplication",
                env, freePort(), logs);
    }

    /** Starts everything on fresh data under {@code target/faults}. */
    static FaultRig start(FaultPlan plan) {
        return start(plan, "faults", Map.of());
    }

    /**
     * Starts everything on fresh data under {@code target/<directory>}, the processor with these Spring settings
     * on top of its own (a mutation check's switch).
     */
    static FaultRig start(FaultPlan plan, String directory, Map<String, String> processorSettings) {
        Path root = Path.of("target", directory).toAbsolutePath();
        deleteRecursively(root.resolve("data"));
        KraftBroker.Builder brokerBuilder = KraftBroker.builder()
                .defaultPartitions(3)
                .logDirectory(root.resolve("data").resolve("kafka"));
        groupSettings(plan).forEach(brokerBuilder::property);
        return startWith(plan, root, brokerBuilder.build().start(), null, processorSettings);
    }

    /**
     * Starts everything on fresh data under {@code target/<directory>} with a three-broker cluster (replication
     * factor 3, {@code min.insync.replicas} 2) instead of one broker.
     */
    static FaultRig startOnThreeBrokers(FaultPlan plan, String directory) {
        return startOnThreeBrokers(plan, directory, Map.of());
    }

    /** {@link #startOnThreeBrokers(FaultPlan, String)}, the processor with these Spring settings on top of its own. */
    static FaultRig startOnThreeBrokers(FaultPlan plan, String directory, Map<String, String> processorSettings) {
        Path root = Path.of("target", directory).toAbsolutePath();
        deleteRecursively(root.resolve("data"));
        KraftCluster cluster = KraftCluster.start(root.resolve("data").resolve("kafka"), 3, groupSettings(plan));
        return startWith(plan, root, null, cluster, processorSettings);
    }

    /** The consumer group timing of the plan, as broker properties (KIP-848 sets it on the broker). */
    private static Map<String, String> groupSettings(FaultPlan plan) {
        if (plan.sessionTimeout() == null) {
            return Map.of();
        }
        long session = plan.sessionTimeout().toMillis();
        return Map.of("group.consumer.min.session.timeout.ms", Long.toString(Math.min(session, 5_000)),
                "group.consumer.session.timeout.ms", Long.toString(session),
                "group.consumer.min.heartbeat.interval.ms", "1000",
                "group.consumer.heartbeat.interval.ms", Long.toString(Math.max(1_000, session / 4)));
    }

    private static FaultRig startWith(FaultPlan plan, Path root, KraftBroker broker, KraftCluster cluster,
            Map<String, String> processorSettings) {
        EmbeddedDatabase database = EmbeddedDatabase.builder()
                .dataDirectory(root.resolve("data").resolve("postgres"))
                .user("bread_bot", DB_PASSWORD)
                .database("bread_bot")
                .build()
                .start();
        FakeTelegram telegram = FakeTelegram.start();
        BotApiLink link = BotApiLink.to(telegram.port());
        FaultRig rig = new FaultRig(plan, broker, cluster, database, telegram, link, root.resolve("logs"),
                processorSettings);
        try {
            rig.processor.start();
            rig.sender.start();
            rig.startIngress();
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    /** What the processor and the sender get, the environment variables of architecture §5. */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("BREAD_BOT_TOPICS_REPLICATION_FACTOR", cluster != null ? "3" : "1");
        env.put("DB_HOST", database.host());
        env.put("DB_PORT", Integer.toString(database.port()));
        env.put("DB_NAME", database.database());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", DB_PASSWORD);
        env.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_API_BASE_URL", link.baseUrl());
        return env;
    }

    private void startIngress() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        properties.put("bread-bot.topics.replication-factor", cluster != null ? "3" : "1");
        properties.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        properties.put("TELEGRAM_API_BASE_URL", link.baseUrl());
        properties.put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        properties.put("SERVER_PORT", "0");
        ingress = new SpringApplicationBuilder(IngressApplication.class)
                .web(WebApplicationType.REACTIVE)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("faults", properties)))
                .initializers(FaultRig::ownNettyResources)
                .run();
    }

    /** As in the standalone launcher: closing this context must not dispose Netty resources others use. */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean(ReactorResourceFactory.class, () -> {
                ReactorResourceFactory factory = new ReactorResourceFactory();
                factory.setUseGlobalResources(false);
                return factory;
            });
        }
    }

    /** Another processor instance of the same group, with the same settings, not yet started. */
    ServiceProcess anotherProcessor(String name) {
        return new ServiceProcess(name, "processor", "org.breadbot.processor.ProcessorApplication",
                processorEnv, freePort(), logs);
    }

    /** The broker's or the cluster's addresses. */
    String bootstrapServers() {
        return broker != null ? broker.bootstrapServers() : cluster.bootstrapServers();
    }

    /** The webhook URL. */
    String webhookUrl() {
        return "http://127.0.0.1:" + ingressPort() + "/telegram/webhook";
    }

    int ingressPort() {
        return ((WebServerApplicationContext) ingress).getWebServer().getPort();
    }

    /** A JDBC connection to the bot's database, for checking effects. */
    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), DB_PASSWORD);
    }

    /**
     * Makes {@code telegram.replies} refuse every write with {@code NOT_ENOUGH_REPLICAS} while everything else
     * works, on the three-broker rig: the topic's {@code min.insync.replicas} is raised to 3 and one node is stopped,
     * so its partitions have fewer in-sync replicas than they require, as a {@code min.insync.replicas} 2 topic has
     * with two of three brokers gone. (One broker cannot show it: Kafka never requires more in-sync replicas than a
     * partition has.) The other topics keep 2 of 3 and take writes.
     */
    void refuseReplyWrites() throws Exception {
        if (cluster == null) {
            throw new IllegalStateException("refusing reply writes needs the three-broker rig");
        }
        alterRepliesTopic(new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "3"),
                AlterConfigOp.OpType.SET));
        stoppedNode = cluster.node(cluster.leaderOf(Topics.REPLIES, 0));
        stoppedNode.stop();
    }

    /** Undoes {@link #refuseReplyWrites()}: the topic requires 2 again, and the node comes back. */
    void acceptReplyWrites() throws Exception {
        alterRepliesTopic(new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, ""),
                AlterConfigOp.OpType.DELETE));
        stoppedNode.start();
        stoppedNode = null;
    }

    private void alterRepliesTopic(AlterConfigOp change) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.REPLIES),
                    List.of(change))).all().get();
        }
    }

    /** Every record of every topic on the rig's broker, values and headers as text, for grepping. */
    List<String> allRecords() throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
        }
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    StringBuilder text = new StringBuilder(record.topic()).append(' ').append(record.key());
                    if (record.value() != null) {
                        text.append(' ').append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=').append(header.value() == null ? ""
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(text.toString());
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        closeQuietly(() -> {
            if (ingress != null) {
                ingress.close();
            }
        });
        closeQuietly(sender::kill);
        closeQuietly(processor::kill);
        closeQuietly(link::close);
        closeQuietly(telegram::close);
        closeQuietly(database::stop);
        if (broker != null) {
            closeQuietly(broker::stop);
        }
        if (cluster != null) {
            closeQuietly(cluster::close);
        }
    }

    private static void closeQuietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("fault rig: closing failed: " + e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

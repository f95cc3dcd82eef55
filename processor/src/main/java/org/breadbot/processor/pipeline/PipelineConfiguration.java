package org.breadbot.processor.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.database.DatabaseTimeouts;
import org.breadbot.common.health.TimeLimitedHealth;
import org.breadbot.common.kafka.ClientMetricsListeners;
import org.breadbot.common.kafka.TopicProvisioner;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.kafka.TopicsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The processor's pipeline: {@code telegram.updates} → de-duplication, bot logic and outbox in one R2DBC
 * transaction → {@code telegram.replies}. Kafka and R2DBC themselves are Spring Boot's auto-configuration,
 * configured in {@code processor.yml}; what the pipeline's guarantees rely on is enforced here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProcessorProperties.class, TopicsProperties.class, DatabaseTimeouts.class})
class PipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfiguration.class);

    /** The processor's consumer group (architecture §3). */
    static final String GROUP_ID = "bread-bot-processor";

    /** How long stopping waits for the batch in progress; see {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    /** How long the last outbox flush at shutdown may take; it blocks its lifecycle phase. */
    static final Duration FINAL_FLUSH_TIMEOUT = Duration.ofSeconds(10);

    /** Every connection of the processor opens with PostgreSQL's statement, lock and idle-transaction timeouts. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseTimeouts(DatabaseTimeouts timeouts) {
        return timeouts.customizer();
    }

    @Bean
    static PoolSizing poolSizing(Environment environment) {
        return new PoolSizing(environment);
    }

    /**
     * Replies and dead letters must survive a broker failure and never be written twice by a producer retry. Kafka's
     * client metrics go to Micrometer ({@link ClientMetricsListeners}).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer pipelineProducerSettings(MeterRegistry registry) {
        return factory -> {
            factory.updateConfigs(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            addMetrics(factory, registry);
        };
    }

    private static <K, V> void addMetrics(DefaultKafkaProducerFactory<K, V> factory, MeterRegistry registry) {
        factory.addListener(ClientMetricsListeners.producers(registry));
    }

    private static <K, V> void addMetrics(DefaultKafkaConsumerFactory<K, V> factory, MeterRegistry registry) {
        factory.addListener(ClientMetricsListeners.consumers(registry));
    }

    /**
     * Offsets are committed by the container, after each batch is done. Static membership
     * ({@code group-instance-id}) keeps a restarting instance's partitions with it for the session timeout.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer pipelineConsumerSettings(ProcessorProperties properties,
            MeterRegistry registry) {
        return factory -> {
            addMetrics(factory, registry);
            factory.updateConfigs(Map.of(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            if (properties.groupInstanceId() != null && !properties.groupInstanceId().isBlank()) {
                // spring-kafka appends "-<thread index>" per consumer
                factory.updateConfigs(Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                        properties.groupInstanceId().strip()));
            }
        };
    }

    @Bean
    TopicProvisioner topicProvisioner(TopicsProperties topics) {
        return new TopicProvisioner(topics);
    }

    @Bean
    KafkaStartup pipelineKafkaStartup(KafkaAdmin kafkaAdmin, TopicProvisioner provisioner,
            ConsumerFactory<String, byte[]> consumerFactory, ProcessorProperties properties) {
        return new KafkaStartup(kafkaAdmin.getConfigurationProperties(), provisioner, consumerFactory,
                properties.groupProtocol(), properties.kafkaStartupTimeout());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            ConcurrentMessageListenerContainer<String, byte[]> updatesListenerContainer) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), Duration.ofSeconds(3),
                updatesListenerContainer);
    }

    /**
     * Boot's R2DBC check, answering DOWN after 3 s: it waits for a pool connection, and a probe that hangs is worse
     * than one that says DOWN (the name keeps {@code r2dbc} in the readiness group and replaces Boot's own).
     */
    @Bean
    ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connectionFactory) {
        return new TimeLimitedHealth(new ConnectionFactoryHealthIndicator(connectionFactory), Duration.ofSeconds(3));
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry) {
        return new PipelineMetrics(registry);
    }

    @Bean
    TransactionalOperator pipelineTransactions(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    Outbox outbox(DatabaseClient db) {
        return new Outbox(db);
    }

    @Bean
    ProcessedUpdates processedUpdates(DatabaseClient db, ProcessorProperties properties) {
        if (properties.dedup().mutationOff()) {
            log.error("bread-bot.processor.dedup.mutation-off is set: updates are NOT de-duplicated. This is the"
                    + " fault suite's mutation check and must never run in production");
        }
        return new ProcessedUpdates(db, properties.dedup().mutationOff());
    }

    @Bean
    OutboxFlusher outboxFlusher(Outbox outbox, KafkaTemplate<String, byte[]> kafkaTemplate,
            TransactionalOperator pipelineTransactions, ProcessorProperties properties) {
        return new OutboxFlusher(outbox, new ReplyPublisher(kafkaTemplate, properties.outbox().publishTimeout()),
                pipelineTransactions);
    }

    @Bean
    UpdatePipeline updatePipeline(ProcessedUpdates processedUpdates, Outbox outbox, OutboxFlusher flusher,
            UpdateHandler handler, TransactionalOperator pipelineTransactions, ObjectProvider<Clock> clock,
            KafkaTemplate<String, byte[]> kafkaTemplate, ProcessorProperties properties) {
        OutboxBypass bypass = null;
        if (properties.outbox().mutationBypass()) {
            log.error("bread-bot.processor.outbox.mutation-bypass is set: replies skip the outbox and are lost by a"
                    + " crash after their commit. This is the fault suite's mutation check and must never run in"
                    + " production");
            bypass = new OutboxBypass(new ReplyPublisher(kafkaTemplate, properties.outbox().publishTimeout()));
        }
        return new UpdatePipeline(processedUpdates, outbox, flusher, handler, pipelineTransactions,
                clock.getIfUnique(Clock::systemUTC), bypass);
    }

    @Bean
    DefaultErrorHandler updatesErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate, PipelineMetrics metrics,
            UpdatePipeline pipeline, ProcessorProperties properties) {
        DeadLetters deadLetters = new DeadLetters(kafkaTemplate, properties.outbox().dltMaxValueBytes());
        OverBudgetReplies overBudget = new OverBudgetReplies(new UpdateParser(properties.maxUpdateBytes()), pipeline,
                properties.processingTimeout());
        return ErrorPolicy.errorHandler(deadLetters, metrics, properties.retry(), overBudget);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> updatesListenerContainer(
            ConsumerFactory<String, byte[]> consumerFactory, UpdatePipeline pipeline, PipelineMetrics metrics,
            DefaultErrorHandler updatesErrorHandler, ProcessorProperties properties, ObjectProvider<Clock> clock) {
        ContainerProperties containerProperties = new ContainerProperties(Topics.UPDATES);
        containerProperties.setGroupId(GROUP_ID);
        containerProperties.setClientId(GROUP_ID);
        // offsets are committed once per poll, after the listener has applied the batch and its replies are acked
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setPollTimeout(properties.pollTimeout().toMillis());
        containerProperties.setMessageListener(new UpdateListener(new UpdateParser(properties.maxUpdateBytes()),
                pipeline, metrics, new DedupHorizon(properties.dedup(), clock.getIfUnique(Clock::systemUTC)),
                properties.updateBudget(), properties.processingTimeout()));
        // graceful shutdown: the batch in progress finishes and its offsets are committed (within the
        // lifecycle's timeout-per-shutdown-phase); a longer one is simply redelivered and de-duplicated
        containerProperties.setShutdownTimeout(SHUTDOWN_TIMEOUT.toMillis());
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.concurrency());
        container.setCommonErrorHandler(updatesErrorHandler);
        container.setBatchInterceptor(new PipelineBatchInterceptor(metrics));
        return container;
    }

    /**
     * Publishes replies whose listener crashed (or failed) after the commit; at shutdown, once the consumers have
     * stopped, everything this instance can still lock, whatever its age.
     */
    @Bean
    PeriodicTask outboxRelay(OutboxFlusher flusher, Outbox outbox, PipelineMetrics metrics,
            ProcessorProperties properties) {
        ProcessorProperties.Outbox settings = properties.outbox();
        return new PeriodicTask("outbox-relay", settings.relayInterval(),
                () -> flusher.relayAllStale(settings.relayMinAge(), settings.relayBatchSize())
                        .then(outbox.countPending())
                        .doOnNext(metrics::outboxPending),
                () -> flusher.relayAllStale(Duration.ZERO, settings.relayBatchSize())
                        .map(rows -> rows + " outbox row(s) published"),
                FINAL_FLUSH_TIMEOUT);
    }

    @Bean
    PeriodicTask processedUpdatesPurge(ProcessedUpdates processedUpdates, ProcessorProperties properties) {
        ProcessorProperties.Dedup dedup = properties.dedup();
        return new PeriodicTask("processed-updates-purge", dedup.purgeInterval(),
                () -> processedUpdates.purgeOlderThan(dedup.retention()));
    }
}

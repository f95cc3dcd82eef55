package org.breadbot.sender;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.ClientMetricsListeners;
import org.breadbot.common.kafka.TopicProvisioner;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.kafka.TopicsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of {@code telegram.replies} and the producer of its dead letters. What the design relies on is set
 * here in code, so configuration cannot weaken it: manual, in-order acknowledgements; String keys and raw value
 * bytes (a record that is not a reply command reaches the delivery as it is and is dead-lettered unchanged); an
 * idempotent, fully acknowledged dead-letter producer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicsProperties.class)
class KafkaConfiguration {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The group protocol is settled by {@link GroupProtocolStartup} before the consumers start; static membership
     * ({@code group-instance-id}, spring-kafka appends the thread index) keeps partitions in place across a restart
     * shorter than the session timeout.
     */
    @Bean
    DefaultKafkaConsumerFactory<String, byte[]> replyConsumerFactory(KafkaProperties kafka,
            SenderProperties properties, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (properties.staticMembership()) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.groupInstanceId().strip());
        }
        DefaultKafkaConsumerFactory<String, byte[]> factory =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        factory.addListener(ClientMetricsListeners.consumers(registry));
        return factory;
    }

    @Bean
    GroupProtocolStartup groupProtocolStartup(Admin senderKafkaAdmin,
            DefaultKafkaConsumerFactory<String, byte[]> replyConsumerFactory, SenderProperties properties) {
        return new GroupProtocolStartup(senderKafkaAdmin, replyConsumerFactory, properties.groupProtocol(),
                ADMIN_TIMEOUT);
    }

    @Bean
    ProducerFactory<String, byte[]> deadLetterProducerFactory(KafkaProperties kafka, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        // a dead letter is the original record plus headers; leave room for the headers
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        factory.addListener(ClientMetricsListeners.producers(registry));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(ProducerFactory<String, byte[]> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    /**
     * The one dead-letter policy of the sender: same key and value to {@code <topic>.dlt}, partition chosen by key,
     * error class and masked message in {@code error-class}/{@code error-message}; spring-kafka's own message and
     * stack-trace headers are left out since they are not masked.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> deadLetterTemplate) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, error) -> new TopicPartition(record.topic() + Topics.DLT_SUFFIX, -1));
        recoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        recoverer.setHeadersFunction(DeadLetters::errorHeaders);
        recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(30));
        return recoverer;
    }

    /**
     * Backstop for a listener failure, which the listener is built not to have: straight to the dead letters,
     * without seeking back and without committing past records still in flight.
     */
    @Bean
    DefaultErrorHandler replyErrorHandler(DeadLetterPublishingRecoverer deadLetterRecoverer) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterRecoverer, new FixedBackOff(0, 0));
        handler.setSeekAfterError(false);
        handler.setAckAfterHandle(false);
        return handler;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> replyListenerContainer(
            ConsumerFactory<String, byte[]> replyConsumerFactory, ReplyIntake replyIntake,
            DefaultErrorHandler replyErrorHandler, SenderProperties properties) {
        ContainerProperties container = new ContainerProperties(properties.topic());
        container.setGroupId(properties.groupId());
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setMessageListener(replyIntake);
        container.setConsumerRebalanceListener(replyIntake);
        container.setPollTimeout(POLL_TIMEOUT.toMillis());
        // stopping includes the revocation drain
        container.setShutdownTimeout(properties.revocationDrainTimeout().plusSeconds(10).toMillis());
        ConcurrentMessageListenerContainer<String, byte[]> listener =
                new ConcurrentMessageListenerContainer<>(replyConsumerFactory, container);
        listener.setConcurrency(properties.concurrency());
        listener.setCommonErrorHandler(replyErrorHandler);
        replyIntake.useFlow(new PartitionTracker.Flow() {
            @Override
            public void pause(TopicPartition partition) {
                listener.pausePartition(partition);
            }

            @Override
            public void resume(TopicPartition partition) {
                listener.resumePartition(partition);
            }
        });
        return listener;
    }

    /** One admin client for topic creation and the readiness check, built from Boot's Kafka settings. */
    @Bean(destroyMethod = "close")
    Admin senderKafkaAdmin(KafkaAdmin kafkaAdmin) {
        int timeout = (int) ADMIN_TIMEOUT.toMillis();
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "bread-bot-sender-admin");
        return Admin.create(config);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin senderKafkaAdmin,
            ConcurrentMessageListenerContainer<String, byte[]> replyListenerContainer) {
        return new KafkaHealthIndicator(senderKafkaAdmin, replyListenerContainer, ADMIN_TIMEOUT);
    }

    @Bean
    TopicProvisioning topicProvisioning(Admin senderKafkaAdmin, TopicsProperties topics,
            SenderProperties properties) {
        List<String> names = properties.topic().equals(Topics.REPLIES)
                ? List.of(Topics.REPLIES, Topics.REPLIES_DLT)
                : List.of();
        return new TopicProvisioning(senderKafkaAdmin, new TopicProvisioner(topics), names, ADMIN_TIMEOUT);
    }
}

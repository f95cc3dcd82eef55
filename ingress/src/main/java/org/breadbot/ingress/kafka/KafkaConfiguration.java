package org.breadbot.ingress.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.ClientMetricsListeners;
import org.breadbot.common.kafka.TopicProvisioner;
import org.breadbot.common.kafka.TopicsProperties;
import org.breadbot.ingress.IngressProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicsProperties.class)
class KafkaConfiguration {

    /**
     * What the contract needs of the producer, set in code so configuration cannot weaken it: every replica
     * acknowledges, retries cannot duplicate or reorder, and a send gives up within the produce timeout.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer ingressProducerSettings(IngressProperties properties,
            MeterRegistry registry) {
        long timeout = properties.kafka().produceTimeout().toMillis();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms; half leaves room for one retry
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout / 2));
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return factory -> {
            factory.updateConfigs(settings);
            addMetrics(factory, registry);
        };
    }

    /** Kafka's producer metrics on Micrometer ({@link ClientMetricsListeners}). */
    private static <K, V> void addMetrics(DefaultKafkaProducerFactory<K, V> factory, MeterRegistry registry) {
        factory.addListener(ClientMetricsListeners.producers(registry));
    }

    /** One admin client for topic creation and the readiness check, built from Boot's Kafka settings. */
    @Bean(destroyMethod = "close")
    Admin ingressKafkaAdmin(KafkaAdmin kafkaAdmin, IngressProperties properties) {
        int timeout = (int) properties.kafka().provisionTimeout().toMillis();
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "bread-bot-ingress-admin");
        return Admin.create(config);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin ingressKafkaAdmin, IngressProperties properties) {
        return new KafkaHealthIndicator(ingressKafkaAdmin, properties.kafka().healthTimeout());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "bread-bot.ingress.webhook.register-only", havingValue = false,
            matchIfMissing = true)
    TopicProvisioning topicProvisioning(Admin ingressKafkaAdmin, TopicsProperties topics,
            IngressProperties properties) {
        return new TopicProvisioning(ingressKafkaAdmin, new TopicProvisioner(topics),
                properties.kafka().provisionTimeout());
    }
}

package org.breadbot.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Kafka's own client metrics on Micrometer ({@code kafka_consumer_fetch_manager_records_lag{topic,partition}},
 * {@code kafka_consumer_coordinator_assigned_partitions}, {@code kafka_producer_record_error_total}, ...) for the
 * consumer and producer factories of every service. Same as Boot's {@code KafkaMetricsAutoConfiguration} (which the
 * services exclude, so meters are bound once), except that new client metrics are looked for every
 * {@value #REFRESH_SECONDS} s instead of every minute: the lag of a partition a consumer has just been given shows
 * soon after a rebalance.
 *
 * <p>Needs spring-kafka and Micrometer, which common itself does not depend on (optional dependencies).
 */
public final class ClientMetricsListeners {

    static final int REFRESH_SECONDS = 10;
    private static final Duration REFRESH = Duration.ofSeconds(REFRESH_SECONDS);

    /** Shared by all clients of the JVM; daemon, never shut down (clients do not own it). */
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-client-metrics");
        thread.setDaemon(true);
        return thread;
    });

    private ClientMetricsListeners() {
    }

    public static <K, V> ConsumerFactory.Listener<K, V> consumers(MeterRegistry registry) {
        return new MicrometerConsumerListener<>(registry) {
            @Override
            protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
                return new KafkaClientMetrics(consumer, tags, SCHEDULER, REFRESH);
            }
        };
    }

    public static <K, V> ProducerFactory.Listener<K, V> producers(MeterRegistry registry) {
        return new MicrometerProducerListener<>(registry) {
            @Override
            protected MeterBinder createClientMetrics(Producer<K, V> producer, List<Tag> tags) {
                return new KafkaClientMetrics(producer, tags, SCHEDULER, REFRESH);
            }
        };
    }
}

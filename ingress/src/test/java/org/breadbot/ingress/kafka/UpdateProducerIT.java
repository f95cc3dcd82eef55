package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.breadbot.ingress.UpdatesTopic;
import org.breadbot.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** UpdateProducer with a real producer and broker: where send() runs, what is stored, what the buffer figures are. */
class UpdateProducerIT {

    private static final int BUFFER_MEMORY = 8 * 1024 * 1024;
    private static final int MAX_REQUEST_SIZE = 64 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<String> sentOn = new CopyOnWriteArrayList<>();
    private DefaultKafkaProducerFactory<String, byte[]> factory;
    private UpdateProducer producer;

    private KafkaTemplate<String, byte[]> template() {
        TestKafka.createTopics(3, Topics.UPDATES);
        factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE),
                new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }

    /** A send() counts as blocked only after a minute: a descheduled test thread must not move sends back. */
    private void producer(KafkaTemplate<String, byte[]> template) {
        producer = new UpdateProducer(record -> {
            sentOn.add(Thread.currentThread().getName());
            return template.send(record);
        }, () -> UpdateProducer.Buffer.of(template.metrics()), Duration.ofMinutes(1),
                new IngressMetrics(new SimpleMeterRegistry()),
                new IngressProperties(List.of(), null, null, new IngressProperties.Kafka(WAIT, WAIT, WAIT)));
    }

    private void produce(long updateId, byte[] update) {
        producer.produce(new UpdateEnvelope(updateId, "message", OptionalLong.of(updateId), OptionalLong.empty()),
                update, "webhook").block(WAIT.plusSeconds(10));
    }

    @AfterEach
    void stop() {
        if (producer != null) {
            producer.destroy();
        }
        if (factory != null) {
            factory.destroy();
        }
    }

    @Test
    void theFirstSendGoesToTheSendThreadAndOnceAcknowledgedSendsAreMadeOnTheCallersThread() {
        producer(template());
        long first = 7_300_000_000L + System.nanoTime() % 1_000_000;

        produce(first, "{\"n\":1}".getBytes());
        produce(first + 1, "{\"n\":2}".getBytes());
        produce(first + 2, "{\"n\":3}".getBytes());

        String caller = Thread.currentThread().getName();
        assertThat(sentOn).containsExactly("ingress-kafka-send", caller, caller);
        for (long id = first; id < first + 3; id++) {
            assertThat(UpdatesTopic.await(id, 1, WAIT)).hasSize(1);
        }
    }

    @Test
    void aRecordTheProducerRefusesAsTooLargeIsPermanentAndKeepsSendsOnTheCallersThread() {
        producer(template());
        long first = 7_400_000_000L + System.nanoTime() % 1_000_000;

        produce(first, "{}".getBytes());
        assertThatThrownBy(() -> produce(first + 1, new byte[MAX_REQUEST_SIZE + 1]))
                .satisfies(error -> assertThat(UpdateProducer.isPermanent(error)).as("%s", error).isTrue());
        produce(first + 2, "{}".getBytes());

        String caller = Thread.currentThread().getName();
        assertThat(sentOn).containsExactly("ingress-kafka-send", caller, caller);
    }

    @Test
    void theBufferFiguresAreTheProducersOwn() {
        KafkaTemplate<String, byte[]> template = template();

        UpdateProducer.Buffer buffer = UpdateProducer.Buffer.of(template.metrics());

        assertThat(buffer).isNotNull();
        assertThat(buffer.total()).isEqualTo(BUFFER_MEMORY);
        assertThat(buffer.available().getAsDouble()).isEqualTo(BUFFER_MEMORY);
    }
}

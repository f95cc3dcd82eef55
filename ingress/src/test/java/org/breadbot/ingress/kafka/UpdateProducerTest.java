package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class UpdateProducerTest {

    private static final double BUFFER = 32 * 1024 * 1024;
    private static final UpdateEnvelope ENVELOPE =
            new UpdateEnvelope(1, "message", OptionalLong.of(5), OptionalLong.empty());

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    private final List<String> sentOn = new CopyOnWriteArrayList<>();
    private final Metric available = mock(Metric.class);
    private UpdateProducer producer;

    private UpdateProducer producer(Duration timeout, Supplier<CompletableFuture<SendResult<String, byte[]>>> ack) {
        Metric total = mock(Metric.class);
        when(total.metricValue()).thenReturn(BUFFER);
        when(available.metricValue()).thenReturn(BUFFER);
        doReturn(Map.of(metric("buffer-available-bytes"), available, metric("buffer-total-bytes"), total,
                new MetricName("buffer-available-bytes", "other", "", Map.of()), mock(Metric.class)))
                .when(template).metrics();
        when(template.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            sentOn.add(Thread.currentThread().getName());
            return ack.get();
        });
        producer = new UpdateProducer(template, new IngressMetrics(new SimpleMeterRegistry()),
                new IngressProperties(List.of(), null, null, new IngressProperties.Kafka(timeout, timeout, timeout)));
        return producer;
    }

    private static MetricName metric(String name) {
        return new MetricName(name, "producer-metrics", "", Map.of("client-id", "test"));
    }

    private void produce() {
        producer.produce(ENVELOPE, new byte[] {'{', '}'}, "webhook").block(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (producer != null) {
            producer.destroy();
        }
    }

    @Test
    void sendsMoveToTheCallersThreadOnlyOnceOneWasAcknowledged() {
        producer(Duration.ofSeconds(5), () -> CompletableFuture.completedFuture(null));

        produce();
        produce();
        produce();

        String caller = Thread.currentThread().getName();
        assertThat(sentOn).containsExactly("ingress-kafka-send", caller, caller);
    }

    @Test
    void afterAFailedSendSendsGoBackToTheSendThreadUntilOneIsAcknowledged() {
        List<Boolean> fail = new CopyOnWriteArrayList<>(List.of(false, true, false, false));
        producer(Duration.ofSeconds(5), () -> fail.remove(0)
                ? CompletableFuture.failedFuture(new KafkaException("broker down"))
                : CompletableFuture.completedFuture(null));

        produce();
        assertThatThrownBy(this::produce).isInstanceOf(KafkaException.class);
        produce();
        produce();

        String caller = Thread.currentThread().getName();
        assertThat(sentOn).containsExactly("ingress-kafka-send", caller, "ingress-kafka-send", caller);
    }

    @Test
    void aRecordTooLargeDoesNotMoveSendsBack() {
        List<Boolean> fail = new CopyOnWriteArrayList<>(List.of(false, true, false));
        producer(Duration.ofSeconds(5), () -> fail.remove(0)
                ? CompletableFuture.failedFuture(new KafkaProducerException(null, "send failed",
                        new RecordTooLargeException("too large")))
                : CompletableFuture.completedFuture(null));

        produce();
        assertThatThrownBy(this::produce).satisfies(error -> assertThat(UpdateProducer.isPermanent(error)).isTrue());
        produce();

        String caller = Thread.currentThread().getName();
        assertThat(sentOn).containsExactly("ingress-kafka-send", caller, caller);
    }

    @Test
    void withLessThanHalfTheBufferFreeSendsStayOnTheSendThread() {
        producer(Duration.ofSeconds(5), () -> CompletableFuture.completedFuture(null));

        produce();
        when(available.metricValue()).thenReturn(BUFFER / 2 - 1);
        produce();
        when(available.metricValue()).thenReturn(BUFFER / 2);
        produce();

        assertThat(sentOn).containsExactly("ingress-kafka-send", "ingress-kafka-send",
                Thread.currentThread().getName());
    }

    @Test
    void noAckWithinTheProduceTimeoutFailsWithATimeout() {
        producer(Duration.ofSeconds(1), CompletableFuture::new);
        long started = System.nanoTime();

        assertThatThrownBy(this::produce).hasCauseInstanceOf(TimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                Duration.ofMillis(2500));
    }

    @Test
    void recordTooLargeIsPermanentHoweverWrapped() {
        RecordTooLargeException tooLarge = new RecordTooLargeException("too large");

        assertThat(UpdateProducer.isPermanent(tooLarge)).isTrue();
        assertThat(UpdateProducer.isPermanent(new KafkaProducerException(null, "send failed", tooLarge))).isTrue();
    }

    @Test
    void outagesAreNotPermanent() {
        assertThat(UpdateProducer.isPermanent(new TimeoutException("no ack"))).isFalse();
        assertThat(UpdateProducer.isPermanent(new KafkaException("broker down"))).isFalse();
        assertThat(UpdateProducer.isPermanent(
                new org.apache.kafka.common.errors.TimeoutException("expired"))).isFalse();
    }
}

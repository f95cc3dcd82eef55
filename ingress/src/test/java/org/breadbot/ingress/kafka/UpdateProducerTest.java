package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.support.SendResult;

/**
 * Which thread calls send(), decided through UpdateProducer's seams: the send function answers with the futures a
 * test gives, and the free buffer is a figure the test sets. UpdateProducerIT does the same against the broker.
 */
class UpdateProducerTest {

    private static final double BUFFER = 32 * 1024 * 1024;
    /**
     * How long a send() on the caller's thread may take before it counts as blocked, for the tests of the other
     * rules: on a loaded machine the test thread can be descheduled for longer than the production 5 ms.
     */
    private static final Duration NEVER_BLOCKED = Duration.ofDays(1);
    private static final UpdateEnvelope ENVELOPE =
            new UpdateEnvelope(1, "message", OptionalLong.of(5), OptionalLong.empty());

    private final List<String> sentOn = new CopyOnWriteArrayList<>();
    private volatile double available = BUFFER;
    private UpdateProducer producer;

    private void producer(Duration timeout, Supplier<CompletableFuture<SendResult<String, byte[]>>> ack) {
        producer(timeout, NEVER_BLOCKED, record -> ack.get());
    }

    private void producer(Duration timeout, Duration blockedAfter,
            Function<ProducerRecord<String, byte[]>, CompletableFuture<SendResult<String, byte[]>>> send) {
        producer = new UpdateProducer(record -> {
            sentOn.add(Thread.currentThread().getName());
            return send.apply(record);
        }, () -> new UpdateProducer.Buffer(() -> available, BUFFER), blockedAfter,
                new IngressMetrics(new SimpleMeterRegistry()),
                new IngressProperties(List.of(), null, null, new IngressProperties.Kafka(timeout, timeout, timeout)));
    }

    private void produce() {
        producer.produce(ENVELOPE, new byte[] {'{', '}'}, "webhook").block(Duration.ofSeconds(30));
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
    void aSendOnTheCallersThreadThatTookLongerThanTheLimitMovesSendsBackUntilOneIsAcknowledged() {
        Duration limit = Duration.ofMillis(1);
        producer(Duration.ofSeconds(5), limit, record -> {
            if (sentOn.size() == 2) {
                // send() blocked: it returns only after more than the limit, however fast the machine
                long until = System.nanoTime() + 2 * limit.toNanos();
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
            }
            return CompletableFuture.completedFuture(null);
        });

        produce();
        produce();
        produce();
        produce();

        String caller = Thread.currentThread().getName();
        assertThat(sentOn).containsExactly("ingress-kafka-send", caller, "ingress-kafka-send", caller);
    }

    @Test
    void withLessThanHalfTheBufferFreeSendsStayOnTheSendThread() {
        producer(Duration.ofSeconds(5), () -> CompletableFuture.completedFuture(null));

        produce();
        available = BUFFER / 2 - 1;
        produce();
        available = BUFFER / 2;
        produce();

        assertThat(sentOn).containsExactly("ingress-kafka-send", "ingress-kafka-send",
                Thread.currentThread().getName());
    }

    @Test
    void anUnknownFreeBufferKeepsSendsOnTheSendThread() {
        producer(Duration.ofSeconds(5), () -> CompletableFuture.completedFuture(null));

        produce();
        available = Double.NaN;
        produce();

        assertThat(sentOn).containsExactly("ingress-kafka-send", "ingress-kafka-send");
    }

    @Test
    void noAckWithinTheProduceTimeoutFailsWithATimeout() {
        producer(Duration.ofSeconds(1), CompletableFuture::new);
        long started = System.nanoTime();

        assertThatThrownBy(this::produce).hasCauseInstanceOf(TimeoutException.class);

        // not before the timeout (less a tick of the 20 ms timer wheel); no upper bound: a loaded machine is slower
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
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

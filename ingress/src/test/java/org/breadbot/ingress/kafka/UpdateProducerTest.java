package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

class UpdateProducerTest {

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

package org.breadbot.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.junit.jupiter.api.Test;

class UpdateRecordsTest {

    private static final Instant RECEIVED = Instant.ofEpochMilli(1_700_000_000_123L);

    private static UpdateEnvelope envelopeOf(String json) {
        return UpdateEnvelope.of(Json.mapper().readTree(json)).orElseThrow();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void messageRecordIsKeyedByChatAndCarriesEveryHeader() {
        byte[] raw = """
                {"update_id":42,"message":{"message_id":7,"date":1,"chat":{"id":-1001234567890,"type":"supergroup"},\
                "from":{"id":5,"is_bot":false,"first_name":"A"},"text":"Хлеб"}}""".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> record = UpdateRecords.of(envelopeOf(new String(raw, StandardCharsets.UTF_8)),
                raw, Headers.SOURCE_WEBHOOK, RECEIVED);

        assertThat(record.topic()).isEqualTo(Topics.UPDATES);
        assertThat(record.partition()).isNull();
        assertThat(record.key()).isEqualTo("-1001234567890");
        assertThat(record.value()).isSameAs(raw);
        assertThat(header(record, Headers.UPDATE_ID)).isEqualTo("42");
        assertThat(header(record, Headers.UPDATE_TYPE)).isEqualTo("message");
        assertThat(header(record, Headers.CHAT_ID)).isEqualTo("-1001234567890");
        assertThat(header(record, Headers.RECEIVED_AT)).isEqualTo("1700000000123");
        assertThat(header(record, Headers.SOURCE)).isEqualTo("webhook");
    }

    @Test
    void chatlessUpdateIsKeyedByUserAndHasNoChatHeader() {
        String json = """
                {"update_id":43,"poll_answer":{"poll_id":"p","user":{"id":777,"is_bot":false,"first_name":"B"},\
                "option_ids":[0]}}""";

        ProducerRecord<String, byte[]> record = UpdateRecords.of(envelopeOf(json), json.getBytes(StandardCharsets.UTF_8),
                Headers.SOURCE_POLLING, RECEIVED);

        assertThat(record.key()).isEqualTo("777");
        assertThat(record.headers().lastHeader(Headers.CHAT_ID)).isNull();
        assertThat(header(record, Headers.UPDATE_TYPE)).isEqualTo("poll_answer");
        assertThat(header(record, Headers.SOURCE)).isEqualTo("polling");
    }

    @Test
    void updateOfUnknownKindIsKeyedByItsId() {
        String json = "{\"update_id\":44,\"something_new\":{\"x\":1}}";

        ProducerRecord<String, byte[]> record = UpdateRecords.of(envelopeOf(json), json.getBytes(StandardCharsets.UTF_8),
                Headers.SOURCE_WEBHOOK, RECEIVED);

        assertThat(record.key()).isEqualTo("44");
        assertThat(header(record, Headers.UPDATE_TYPE)).isEqualTo("something_new");
        assertThat(record.headers().lastHeader(Headers.CHAT_ID)).isNull();
    }

    @Test
    void everyHeaderAppearsOnce() {
        String json = "{\"update_id\":45,\"message\":{\"chat\":{\"id\":1}}}";

        ProducerRecord<String, byte[]> record = UpdateRecords.of(envelopeOf(json), json.getBytes(StandardCharsets.UTF_8),
                Headers.SOURCE_WEBHOOK, RECEIVED);

        assertThat(record.headers().toArray()).extracting(Header::key).containsExactly(
                Headers.UPDATE_ID, Headers.UPDATE_TYPE, Headers.CHAT_ID, Headers.RECEIVED_AT, Headers.SOURCE);
    }
}

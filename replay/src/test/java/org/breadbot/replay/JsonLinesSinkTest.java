package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.breadbot.common.json.Json;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonLinesSinkTest {

    @Test
    void updateIsEmbeddedAsItsOwnJsonKeepingUnknownFields() {
        String raw = "{\"update_id\":5,\"message\":{\"chat\":{\"id\":-1},\"new_field\":{\"deep\":[1,2.50,\"\\u0416\"]}}}";

        String line = line(raw);

        assertThat(line).contains("\"update\":" + raw);
        assertThat(Json.mapper().readTree(line).get("update")).isEqualTo(Json.mapper().readTree(raw));
    }

    @Test
    void prettyPrintedUpdateStillTakesOneLine() {
        String raw = "\uFEFF" + Updates.text("a\nb").inGroup(-1L).node().toPrettyString() + "\r\n";

        String line = line(raw);

        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\uFEFF");
        assertThat(Json.mapper().readTree(line).at("/update/message/text").asString()).isEqualTo("a\nb");
    }

    @Test
    void valueThatIsNotAnUpdateIsNullWithItsRawText() {
        JsonNode line = Json.mapper().readTree(line("{\"broken\": "));

        assertThat(line.get("update").isNull()).isTrue();
        assertThat(line.get("raw").asString()).isEqualTo("{\"broken\": ");
    }

    @Test
    void headersAreAnObjectOfTexts() {
        ConsumerRecord<byte[], byte[]> record = UpdateRecordTest.record("-1",
                "{\"update_id\":1}".getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("update-type", "message".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("odd\"name", new byte[] {(byte) 0xFF}));

        JsonNode line = Json.mapper().readTree(JsonLinesSink.line(UpdateRecord.of(record)));

        assertThat(line.get("headers").get("update-type").asString()).isEqualTo("message");
        assertThat(line.get("headers").get("odd\"name").asString()).isEqualTo("base64:/w==");
    }

    private static String line(String raw) {
        return JsonLinesSink.line(UpdateRecord.of(UpdateRecordTest.record("-1", raw.getBytes(StandardCharsets.UTF_8))));
    }
}

package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

class UpdateRecordTest {

    @Test
    void updateIsParsedWithItsTypeChatAndUser() {
        Updates.Builder update = Updates.text("Хлеб").inGroup(-5L).from(TestUsers.BOB).edited();

        UpdateRecord record = UpdateRecord.of(record("-5", update.bytes()));

        assertThat(record.update()).isNotNull();
        assertThat(record.updateType()).contains("edited_message");
        assertThat(record.chatId()).hasValue(-5L);
        assertThat(record.userId()).hasValue(TestUsers.BOB.id());
        assertThat(record.updateId()).hasValue(update.id());
        assertThat(record.body().get("text").asString()).isEqualTo("Хлеб");
        assertThat(record.key()).isEqualTo("-5");
    }

    @Test
    void valueThatIsNotAnUpdateKeepsOnlyItsRawText() {
        for (String hostile : new String[] {"not json", "[1]", "42", "{\"update_id\":\"7\"}", "{\"a\":1}",
                "{\"update_id\":1} trailing", "[".repeat(5_000)}) {
            UpdateRecord record = UpdateRecord.of(record("k", hostile.getBytes(StandardCharsets.UTF_8)));

            assertThat(record.update()).as(hostile).isNull();
            assertThat(record.envelope()).as(hostile).isNull();
            assertThat(record.body()).as(hostile).isNull();
            assertThat(record.raw()).isEqualTo(hostile);
            assertThat(record.updateType()).isEmpty();
            assertThat(record.chatId()).isEmpty();
        }
    }

    @Test
    void tombstoneHasNoRawText() {
        UpdateRecord record = UpdateRecord.of(record(null, null));

        assertThat(record.raw()).isNull();
        assertThat(record.key()).isNull();
        assertThat(record.update()).isNull();
    }

    @Test
    void headersStandInWhenTheValueIsNotAnUpdate() {
        ConsumerRecord<byte[], byte[]> raw = record("k", "garbage".getBytes(StandardCharsets.UTF_8));
        raw.headers().add(new RecordHeader("update-type", "message".getBytes(StandardCharsets.UTF_8)));
        raw.headers().add(new RecordHeader("chat-id", "-77".getBytes(StandardCharsets.UTF_8)));
        raw.headers().add(new RecordHeader("update-id", "not a number".getBytes(StandardCharsets.UTF_8)));

        UpdateRecord record = UpdateRecord.of(raw);

        assertThat(record.updateType()).contains("message");
        assertThat(record.chatId()).hasValue(-77L);
        assertThat(record.updateId()).isEmpty();
    }

    static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("telegram.updates", 0, 0L,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }
}

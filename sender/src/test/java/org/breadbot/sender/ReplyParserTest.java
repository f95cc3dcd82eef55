package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("telegram.replies", 0, 0, "42", value);
    }

    private static ConsumerRecord<String, byte[]> record(String value) {
        return record(value.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> record(ReplyCommand reply) {
        return record(Json.mapper().writeValueAsBytes(reply));
    }

    @Test
    void aReplyCommandWrittenByTheSharedMapperIsRead() {
        ReplyCommand reply = ReplyCommand.text("42:7:0", 42, "Хлеб топ", 7, 7, Instant.parse("2026-01-01T00:00:00Z"));

        ReplyParser.Parsed parsed = ReplyParser.parse(record(reply));

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.reply()).isEqualTo(reply);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"id\":\"1:2:0\",\"chatId\":1,\"method\":\"SEND_MESSAGE\",\"text\":\"hi\",\"updateId\":2,"
                + "\"somethingNew\":{\"a\":1}}";

        assertThat(ReplyParser.parse(record(json)).isValid()).isTrue();
    }

    @Test
    void recordsThatAreNoReplyCommandArePoison() {
        assertThat(ReplyParser.parse(record(new byte[0])).problem()).hasMessageContaining("no value");
        assertThat(ReplyParser.parse(record((byte[]) null)).problem()).hasMessageContaining("no value");
        assertThat(ReplyParser.parse(record("not json at all")).problem()).hasMessageContaining("not JSON");
        assertThat(ReplyParser.parse(record(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1})).isValid()).isFalse();
        assertThat(ReplyParser.parse(record("[1,2,3]")).problem()).hasMessageContaining("not a JSON object");
        assertThat(ReplyParser.parse(record("\"text\"")).problem()).hasMessageContaining("not a JSON object");
        assertThat(ReplyParser.parse(record("{\"chatId\":1,\"method\":\"SEND_MESSAGE\",\"text\":\"x\"}")).problem())
                .hasMessageContaining("not a reply command");
        assertThat(ReplyParser.parse(record("{\"id\":\"a\",\"chatId\":1,\"method\":\"SEND_FAX\",\"text\":\"x\"}"))
                .problem()).hasMessageContaining("not a reply command");
        assertThat(ReplyParser.parse(record("{\"id\":\"a\",\"chatId\":\"many\",\"method\":\"SEND_MESSAGE\"}"))
                .isValid()).isFalse();
    }

    @Test
    void hostilelyDeepJsonIsPoisonNotAStackOverflow() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        assertThat(ReplyParser.parse(record(deep)).problem()).hasMessageContaining("not JSON");
    }

    @Test
    void repliesTelegramWouldRefuseArePoison() {
        Instant now = Instant.now();
        assertThat(ReplyParser.parse(record(ReplyCommand.text("a", 0, "x", null, 1, now))).problem())
                .hasMessageContaining("chatId");
        assertThat(ReplyParser.parse(record(ReplyCommand.text("a", 1, " ", null, 1, now))).problem())
                .hasMessageContaining("without text");
        assertThat(ReplyParser.parse(record(ReplyCommand.text("a", 1, "я".repeat(4097), null, 1, now))).problem())
                .hasMessageContaining("longer than 4096");
        assertThat(ReplyParser.parse(record(ReplyCommand.text("x".repeat(129), 1, "hi", null, 1, now))).problem())
                .hasMessageContaining("id");
        assertThat(ReplyParser.parse(record(ReplyCommand.media("a", 1, ReplyMethod.SEND_STICKER, null, null, null, 1,
                now))).problem()).hasMessageContaining("fileId");
        assertThat(ReplyParser.parse(record(ReplyCommand.media("a", 1, ReplyMethod.SEND_PHOTO, "f", "c".repeat(1025),
                null, 1, now))).problem()).hasMessageContaining("caption");
        ReplyCommand badParseMode = new ReplyCommand("a", 1, ReplyMethod.SEND_MESSAGE, "hi", null, null, null, null,
                "<script>", null, 1, now);
        assertThat(ReplyParser.parse(record(badParseMode)).problem()).hasMessageContaining("parseMode");
        assertThat(ReplyParser.parse(record(ReplyCommand.text("a", 1, "hi", null, 1, now).inThread(0))).problem())
                .hasMessageContaining("messageThreadId");
        assertThat(ReplyParser.parse(record(ReplyCommand.text("a", 1, "hi", null, 1, now).inThread(7))).problem())
                .isNull();
    }

    @Test
    void limitsCountCodePointsNotUtf16Units() {
        String emoji = "\uD83C\uDF5E";   // 🍞, two UTF-16 units, one code point
        ReplyCommand atLimit = ReplyCommand.text("a", 1, emoji.repeat(4096), null, 1, Instant.now());

        assertThat(ReplyParser.parse(record(atLimit)).isValid()).isTrue();
    }
}

package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void utf8TextStaysText() {
        assertThat(HeaderValues.text("Хлеб 🍞".getBytes(StandardCharsets.UTF_8))).isEqualTo("Хлеб 🍞");
        assertThat(HeaderValues.text(null)).isNull();
    }

    @Test
    void bytesThatAreNotTextBecomeBase64() {
        assertThat(HeaderValues.text(new byte[] {(byte) 0xC3, 0x28})).isEqualTo("base64:wyg=");
        assertThat(HeaderValues.text(new byte[] {0, 0, 0, 1})).isEqualTo("base64:AAAAAQ==");
    }

    @Test
    void springKafkaNumbersAreDecoded() {
        assertThat(HeaderValues.number(ByteBuffer.allocate(4).putInt(7).array())).isEqualTo("7");
        assertThat(HeaderValues.number(ByteBuffer.allocate(8).putLong(1L << 40).array())).isEqualTo("1099511627776");
        assertThat(HeaderValues.number("12".getBytes(StandardCharsets.UTF_8))).isEqualTo("12");
    }

    @Test
    void lastOfRepeatedHeadersWins() {
        List<Header> headers = List.of(new RecordHeader("a", "1".getBytes()), new RecordHeader("b", "2".getBytes()),
                new RecordHeader("a", "3".getBytes()));

        assertThat(HeaderValues.asText(headers)).containsExactly(
                java.util.Map.entry("a", "3"), java.util.Map.entry("b", "2"));
    }
}

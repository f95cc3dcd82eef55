package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSplitterTest {

    @Test
    void scenario110_aLongSingleLineIsCutIntoLimitSizedMessages() {
        String text = "x".repeat(10_000);
        List<String> messages = AnswerSplitter.split(text, 4096);
        assertThat(messages).extracting(String::length).containsExactly(4096, 4096, 1808);
        assertThat(String.join("", messages)).isEqualTo(text);
    }

    @Test
    void scenario110_linesArePackedGreedily() {
        String line = "a".repeat(1999) + "\n";  // 2000 characters with its line break
        String text = line.repeat(5);
        List<String> messages = AnswerSplitter.split(text, 4096);
        assertThat(messages).containsExactly(line + line, line + line, line);
    }

    @Test
    void aShortTextIsOneMessage() {
        assertThat(AnswerSplitter.split("привет\nмир", 4096)).containsExactly("привет\nмир");
    }

    @Test
    void aLongLineAmongShortOnesIsCutAndThePiecesPacked() {
        String text = "ab\n" + "c".repeat(10) + "\nd";
        assertThat(AnswerSplitter.split(text, 4)).containsExactly("ab\n", "cccc", "cccc", "cc\nd");
    }

    @Test
    void anEmptyOrBlankTextSendsNothing() {
        assertThat(AnswerSplitter.split("", 4096)).isEmpty();
        assertThat(AnswerSplitter.split(" \n ", 4096)).isEmpty();
    }

    @Test
    void surrogatePairsAreNeverSeparated() {
        String text = "ab" + "🍞".repeat(3);  // 2 + 6 UTF-16 units
        List<String> messages = AnswerSplitter.split(text, 3);
        assertThat(String.join("", messages)).isEqualTo(text);
        assertThat(messages).allSatisfy(message -> {
            assertThat(message.length()).isLessThanOrEqualTo(3);
            assertThat(Character.isHighSurrogate(message.charAt(message.length() - 1))).isFalse();
        });
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void emptyPartsLeaveNoDoubleSpace() {
        assertThat(Phrases.join("Some event", "", "в", "01.02.2031")).isEqualTo("Some event в 01.02.2031");
        assertThat(Phrases.join("Парочку", "  ", "образовали:")).isEqualTo("Парочку образовали:");
        assertThat(Phrases.join(" Топ ", "лучших ")).isEqualTo("Топ лучших");
        assertThat(Phrases.join("", "")).isEmpty();
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"0|0", "100|100", "15|15", " 15 |15", "007|7", "+20|20", "-0|0"})
    void wholeNumbersFrom0To100AreAccepted(String text, int percent) {
        assertThat(Percentages.parse(text)).hasValue(percent);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"101", "-1", "0.11", "100.1", "some_string", "", "1e2", "٣", "1 0", "9999999999"})
    void everythingElseIsRefused(String text) {
        assertThat(Percentages.parse(text)).isEmpty();
    }
}

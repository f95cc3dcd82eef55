package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What follows {@code покажи триггеры}: a key filter, a page number, both or neither. */
class ShowQueryTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''|''|1",
            "2|''|2",
            "0|''|1",
            "Привет|привет|1",
            "привет 3|привет|3",
            "доброе утро 2|доброе утро|2",
            "2022год|2022год|1",
    })
    void theRestIsAFilterAndAnOptionalPage(String rest, String filter, int page) {
        assertThat(ShowCommand.Query.parse(rest)).isEqualTo(new ShowCommand.Query(filter, page));
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhoCommandTest {

    /** Scenario 80: the wording follows the alias. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "кто|Test Testerov Some text",
            "у кого|Some text у Test Testerov",
            "кем|Some text им: Test Testerov",
            "с кем|Some text с Test Testerov",
            "кого|Some text Test Testerov",
            "кому|Some text ему: Test Testerov",
            "о ком|Some text о Test Testerov",
            "чья|Some text его: Test Testerov",
            "чей|Some text его: Test Testerov",
            "чьё|Some text его: Test Testerov",
            "чье|Some text его: Test Testerov",
            "кто-нибудь|Some text - это Test Testerov",
    })
    void scenario080_wordingFollowsTheAlias(String alias, String expected) {
        assertThat(WhoCommand.sentence(alias, "Test Testerov", "Some text")).isEqualTo(expected);
    }
}

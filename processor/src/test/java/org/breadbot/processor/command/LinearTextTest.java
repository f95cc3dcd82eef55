package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.breadbot.common.secret.Secrets;
import org.breadbot.processor.store.ReactionType;
import org.breadbot.testsupport.CountingText;
import org.junit.jupiter.api.Test;

/**
 * Every text operation on what users send is linear in the text's length (issue: "no chat can stop another").
 * Each place gets a megabyte of white space (and the other shapes that made a regular expression backtrack), and
 * must read each character only a few times; a quadratic pass reads it about a million times. The time bound is a
 * backstop far above what a linear pass takes (milliseconds), not the measure.
 */
class LinearTextTest {

    private static final int MEGABYTE = 1 << 20;
    /** Reads per character a linear pass stays under; the quadratic expressions replaced here needed thousands. */
    private static final double LINEAR = 16;
    private static final Duration BACKSTOP = Duration.ofSeconds(1);

    @Test
    void theMeasureTellsTheReplacedQuadraticExpressionsFromLinearCode() {
        CountingText inner = new CountingText("a" + " ".repeat(1 << 13) + "b");
        Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS).matcher(inner).replaceAll("");
        CountingText noBreak = new CountingText("a" + " ".repeat(1 << 13) + "b");
        Pattern.compile("\\s*\\R\\s*").matcher(noBreak).replaceAll(" ");

        assertThat(inner.readsPerCharacter()).isGreaterThan(1000);
        assertThat(noBreak.readsPerCharacter()).isGreaterThan(1000);
    }

    @Test
    void stripReadsEachCharacterOnceWhateverTheRunsOfWhiteSpace() {
        for (String shape : List.of("a%sb", "%sa", "a%s", "%s")) {
            CountingText text = new CountingText(shape.formatted(" \u00a0\t".repeat(MEGABYTE / 3)));

            String stripped = assertTimeoutPreemptively(BACKSTOP, () -> Texts.strip(text));

            assertThat(text.readsPerCharacter()).as(shape).isLessThan(LINEAR);
            assertThat(stripped).doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }

    @Test
    void oneLineIsLinearWithAndWithoutLineBreaksInTheRun() {
        for (String run : List.of(" ", " \n ", "\r\n")) {
            CountingText text = new CountingText("a" + run.repeat(MEGABYTE / run.length()) + "b");

            String line = assertTimeoutPreemptively(BACKSTOP, () -> Texts.oneLine(text));

            assertThat(text.readsPerCharacter()).as("run %s", run.strip().isEmpty() ? "of spaces" : run)
                    .isLessThan(LINEAR);
            assertThat(line).doesNotContain("\n");
        }
        assertThat(Texts.oneLine("a \n\t b\u2028c  d")).isEqualTo("a b c  d");
    }

    @Test
    void thePageNumberOfShowIsFoundInLinearTime() {
        CountingText spaces = new CountingText("x" + " ".repeat(MEGABYTE) + "12");
        CountingText noNumber = new CountingText("x" + " ".repeat(MEGABYTE) + "x");

        ShowCommand.Query withPage = assertTimeoutPreemptively(BACKSTOP, () -> ShowCommand.Query.parse(spaces));
        ShowCommand.Query without = assertTimeoutPreemptively(BACKSTOP, () -> ShowCommand.Query.parse(noNumber));

        assertThat(withPage).isEqualTo(new ShowCommand.Query("x", 12));
        assertThat(without.page()).isEqualTo(1);
        assertThat(spaces.readsPerCharacter()).isLessThan(LINEAR);
        assertThat(noNumber.readsPerCharacter()).isLessThan(LINEAR);
    }

    @Test
    void secretsAreMaskedInLinearTimeInARunOfDigits() {
        CountingText digits = CountingText.repeated("1", MEGABYTE);
        CountingText almostTokens = CountingText.repeated("12345:", MEGABYTE);

        assertTimeoutPreemptively(BACKSTOP, () -> Secrets.mask(digits));
        assertTimeoutPreemptively(BACKSTOP, () -> Secrets.mask(almostTokens));

        assertThat(digits.readsPerCharacter()).isLessThan(LINEAR);
        assertThat(almostTokens.readsPerCharacter()).isLessThan(LINEAR);
        assertThat(Secrets.mask("x 1" + "2".repeat(5) + ":" + "A".repeat(30) + " y")).isEqualTo("x *** y");
    }

    @Test
    void aCommandFollowedByAMegabyteOfWhiteSpaceIsParsedAtOnce() {
        CommandParser parser = new CommandParser(List.of("хлеб"), CommandCatalogue.all());
        String spaces = " \u00a0".repeat(MEGABYTE / 2);

        ParseResult choose = assertTimeoutPreemptively(BACKSTOP,
                () -> parser.parse("Хлеб выбери" + spaces + "чай," + spaces + "кофе" + spaces));
        ParseResult add = assertTimeoutPreemptively(BACKSTOP,
                () -> parser.parse("Хлеб добавь триггер" + spaces + "ключ" + spaces + "=" + spaces + "x" + spaces));

        assertThat(choose).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed ->
                assertThat(parsed.arguments()).isEqualTo(new Arguments.ValueList(List.of("чай", "кофе"))));
        assertThat(add).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed ->
                assertThat(parsed.arguments()).isEqualTo(new Arguments.KeyValue(ReactionType.TRIGGER, "ключ", "x")));
    }
}

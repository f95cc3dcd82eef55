package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.breadbot.testsupport.CountingText;
import org.junit.jupiter.api.Test;

/** Line and token splitting of the nonsense generator (spec §6.3 step 2). */
class NonsenseTextTest {

    @Test
    void splitsWordsFromPunctuation() {
        assertThat(NonsenseText.tokens("Утром:")).containsExactly("Утром", ":");
        assertThat(NonsenseText.tokens("3)@писать")).containsExactly("3", ")@", "писать");
        assertThat(NonsenseText.tokens("2)\"писат\"")).containsExactly("2", ")\"", "писат", "\"");
        assertThat(NonsenseText.tokens("скакать от  счастья")).containsExactly("скакать", " ", "от", "  ", "счастья");
    }

    @Test
    void aRunOfPunctuationSwallowsFollowingSpacesDigitsAndCapitalLatinLetters() {
        assertThat(NonsenseText.tokens("a,B c")).containsExactly("a", ",B ", "c");
        assertThat(NonsenseText.tokens("(Hello")).containsExactly("(H", "ello");
    }

    @Test
    void anEmojiLineIsOneNonWordTokenAndAnEmptyLineHasNone() {
        assertThat(NonsenseText.tokens("👉")).containsExactly("👉");
        assertThat(NonsenseText.isWord("👉")).isFalse();
        assertThat(NonsenseText.tokens("")).isEmpty();
    }

    @Test
    void aTokenIsAWordWhenItStartsWithAWordCharacter() {
        assertThat(NonsenseText.isWord("слово")).isTrue();
        assertThat(NonsenseText.isWord("1830")).isTrue();
        assertThat(NonsenseText.isWord("_x")).isTrue();
        assertThat(NonsenseText.isWord(" ")).isFalse();
        assertThat(NonsenseText.isWord(",B ")).isFalse();
    }

    @Test
    void tokensConcatenateBackToTheLine() {
        String line = "Ну, «ёлки-палки» 👉 (Hello) 3)@писать \"цитата\" — конец!!!";

        assertThat(String.join("", NonsenseText.tokens(line))).isEqualTo(line);
    }

    @Test
    void linesSplitAtAnyLineBreakAndLoseATrailingOne() {
        assertThat(NonsenseText.lines("a\nb\r\nc\rd\u2028e")).containsExactly("a", "b", "c", "d", "e");
        assertThat(NonsenseText.lines("a\n\nb\n")).containsExactly("a", "", "b");
        assertThat(NonsenseText.lines("")).isEmpty();
    }

    /**
     * A megabyte of white space, of punctuation (whose run the matcher used to recurse into once per character,
     * overflowing its stack at about 10,000) and of both mixed: few reads per character, one token per run.
     */
    @Test
    void tokensOfAMegabyteLineAreFoundInLinearTime() {
        for (String unit : List.of(" ", "!", "! ", ".,;", "\u00a0\t")) {
            CountingText line = CountingText.repeated(unit, 1 << 20);

            List<String> tokens = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> NonsenseText.tokens(line));

            assertThat(String.join("", tokens)).hasSize(1 << 20);
            assertThat(tokens).as("tokens of %s", unit).hasSizeLessThanOrEqualTo(2);
            assertThat(line.readsPerCharacter()).as("reads per character of %s", unit).isLessThan(16);
        }
    }
}

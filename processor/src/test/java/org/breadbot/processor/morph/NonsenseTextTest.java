package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package org.breadbot.processor.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in texts answered without internet (issue 4 item 4). */
class OfflineCollectionTest {

    @Test
    void quotesAreProverbsAttributedAsSuch() {
        List<String> quotes = OfflineCollection.load("quotes", bound -> 0).entries();

        assertThat(quotes).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(quote -> assertThat(quote).matches("(?s)[^\n]+\n\n© Русская пословица"));
    }

    @Test
    void jokesAreTheProjectsOwnAndSaySo() {
        assertThat(OfflineCollection.load("jokes", bound -> 0).entries()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(joke -> assertThat(joke).endsWith("\n\n© bread-bot").doesNotContain("baneks"));
    }

    @Test
    void adviceIsPlainText() {
        assertThat(OfflineCollection.load("advice", bound -> 0).entries()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(advice -> assertThat(advice).doesNotContain("©", "%", "#").hasSizeLessThan(200));
    }

    @Test
    void everyEntryCanBeChosen() {
        int[] next = {0};
        OfflineCollection jokes = OfflineCollection.load("jokes", bound -> next[0]++ % bound);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < jokes.entries().size(); i++) {
            seen.add(jokes.random());
        }
        assertThat(seen).hasSameSizeAs(jokes.entries());
    }

    @Test
    void entriesAreSeparatedByPercentLinesAndCommentsAreSkipped() {
        assertThat(OfflineCollection.parse("# comment\nfirst\nline two\n%\n\n%\r\nsecond\r\n% \nthird"))
                .containsExactly("first\nline two", "second", "third");
    }
}

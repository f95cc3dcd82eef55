package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The nonsense generator (spec §6.3) and the scenarios of §12 that exercise it. */
class NonsenseGeneratorTest {

    /** Far above 4: every line gets as many attempts as it has words. */
    private static final long EVERY_WORD = 100;

    private final RussianMorphology morphology = Dictionaries.cached();

    @Test
    void scenario066_oneAttemptOnThreeWordsHitsTheInfinitiveOnlyWhenItPicksIt() {
        List<String> dictionary = List.of("прыгать");

        assertThat(generator(picking(0)).generate("скакать от счастья", 1, dictionary)).contains("прыгать от счастья");
        assertThat(generator(picking(1)).generate("скакать от счастья", 1, dictionary)).contains("скакать от счастья");
        assertThat(generator(picking(2)).generate("скакать от счастья", 1, dictionary)).contains("скакать от счастья");
    }

    @Test
    void scenario066_withEveryWordTriedTheAnswerIsAlwaysPrygat() {
        assertThat(generator(everyWordInTurn()).generate("скакать от счастья", EVERY_WORD, List.of("прыгать")))
                .contains("прыгать от счастья");
    }

    @Test
    void scenario066_aRandomAttemptHitsTheInfinitiveAboutOnceInThree() {
        NonsenseGenerator generator = generator(NonsenseRandom.uniform(new Random(66)::nextInt));
        NonsenseDictionary dictionary = generator.dictionary(List.of("прыгать"));

        long hits = java.util.stream.IntStream.range(0, 3000)
                .mapToObj(i -> generator.generate("скакать от счастья", 1, dictionary))
                .filter("прыгать от счастья"::equals)
                .count();

        assertThat(hits).isBetween(850L, 1150L);
    }

    @Test
    void scenario067_anAdjectiveCannotReplaceAnyWordOfAVerbPhrase() {
        assertThat(generator(everyWordInTurn()).generate("скакать от счастья", EVERY_WORD, List.of("красивый")))
                .contains("скакать от счастья");
    }

    @Test
    void scenario068_069_anEmptyDictionaryGivesNoText() {
        assertThat(generator(everyWordInTurn()).generate("скакать от счастья", 1, List.of())).isEmpty();
        assertThat(generator(everyWordInTurn()).dictionary(List.of()).isEmpty()).isTrue();
    }

    @Test
    void scenario070_everyWordWithACounterpartIsReplacedInTheSameForm() {
        List<String> dictionary = List.of("зариф", "прыгать", "мягкий", "2022", "голова", "до");

        String result = generator(everyWordInTurn())
                .generate("Только после 1830 Пушкин вплотную занялся прозой", EVERY_WORD, dictionary)
                .orElseThrow();

        assertThat(result).startsWith("Только до 1830 зариф вплотную прыгал ");
        assertThat(result).matches(".* (головой|головою)");
    }

    @Test
    void scenario070_theOtherFormOfTheSameSlotIsChosenToo() {
        NonsenseRandom lastForm = new NonsenseRandom() {
            private final AtomicInteger next = new AtomicInteger();

            @Override
            public int wordIndex(int words) {
                return next.getAndIncrement() % words;
            }

            @Override
            public int formIndex(int forms) {
                return forms - 1;
            }
        };

        assertThat(generator(lastForm).generate("прозой", 1, List.of("голова"))).contains("головою");
        assertThat(generator(picking(0)).generate("прозой", 1, List.of("голова"))).contains("головой");
    }

    @Test
    void scenario071_numbersLatinAndLineStructureAreKept() {
        String text = "some message?\n.\n.\nfooter message.";

        assertThat(generator(everyWordInTurn()).generate(text, EVERY_WORD, List.of("2022"))).contains(text);
    }

    @Test
    void scenario072_threeWordsGetOneAttemptNineWordsUpToThreeOneWordExactlyOne() {
        List<String> dictionary = List.of("головой");
        NonsenseGenerator generator = generator(everyWordInTurn());

        assertThat(generator.generate("прозой прозой прозой", 1, dictionary))
                .hasValueSatisfying(text -> assertThat(replaced(text)).isEqualTo(1));
        assertThat(generator(everyWordInTurn())
                .generate("прозой прозой прозой прозой прозой прозой прозой прозой прозой", 1, dictionary))
                .hasValueSatisfying(text -> assertThat(replaced(text)).isEqualTo(3));
        assertThat(generator(everyWordInTurn()).generate("прозой", 1, dictionary)).contains("головой");
    }

    @Test
    void scenario072_randomPicksWithReplacementGiveOneToThreeReplacementsOnNineWords() {
        NonsenseGenerator generator = generator(NonsenseRandom.uniform(new Random(72)::nextInt));
        NonsenseDictionary dictionary = generator.dictionary(List.of("головой"));
        String nine = String.join(" ", java.util.Collections.nCopies(9, "прозой"));

        for (int i = 0; i < 200; i++) {
            assertThat(replaced(generator.generate(nine, 1, dictionary))).isBetween(1, 3);
        }
    }

    @Test
    void scenario073_scaleThreeTriesNinetyPercentOfTheWords() {
        String ten = String.join(" ", java.util.Collections.nCopies(10, "прозой"));

        String result = generator(everyWordInTurn()).generate(ten, 3, List.of("голова")).orElseThrow();

        assertThat(replaced(result)).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0} words at scale {1}: {2} attempts")
    @CsvSource({"1, 1, 1", "2, 1, 1", "2, 2, 2", "3, 1, 1", "4, 1, 2", "6, 1, 2", "7, 1, 3", "10, 1, 3",
            "14, 1, 5", "3, 3, 3", "10, 3, 9", "20, 3, 18", "5, 1000000000000, 5", "1, 7, 1"})
    void attemptsFollowTheOriginalFormula(int words, long scale, int attempts) {
        assertThat(NonsenseGenerator.attempts(words, scale)).isEqualTo(attempts);
    }

    @Test
    void punctuationSpacingAndEmptyLinesSurviveAndReplacedWordsAreLowerCase() {
        String text = "Проза, проза!\n\n👉  ПРОЗОЙ...\n";

        String result = generator(everyWordInTurn()).generate(text, EVERY_WORD, List.of("Голова")).orElseThrow();

        assertThat(result).isEqualTo("голова, голова!\n\n👉  головой...");
    }

    @Test
    void aScaleBelowOneIsRejected() {
        NonsenseGenerator generator = generator(everyWordInTurn());
        NonsenseDictionary dictionary = generator.dictionary(List.of("голова"));

        assertThatThrownBy(() -> generator.generate("проза", 0, dictionary))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileInputIsHandled() {
        NonsenseGenerator generator = generator(NonsenseRandom.uniform(new Random(1)::nextInt));
        String huge = "проза ".repeat(5_000) + "\u0000\uFFFF\uD83D";

        assertThat(generator.generate(huge, 1, List.of("голова", "", " ", "\n"))).isPresent();
        assertThat(generator.generate("", 1, List.of("голова"))).contains("");
    }

    private static int replaced(String text) {
        return (int) NonsenseText.tokens(text).stream().filter(token -> token.startsWith("голов")).count();
    }

    private NonsenseGenerator generator(NonsenseRandom random) {
        return new NonsenseGenerator(morphology, random);
    }

    /** Word picks 0, 1, 2, ... round the line: with enough attempts every word is tried once. */
    private static NonsenseRandom everyWordInTurn() {
        AtomicInteger next = new AtomicInteger();
        return new NonsenseRandom() {
            @Override
            public int wordIndex(int words) {
                return next.getAndIncrement() % words;
            }

            @Override
            public int formIndex(int forms) {
                return 0;
            }
        };
    }

    private static NonsenseRandom picking(int word) {
        return new NonsenseRandom() {
            @Override
            public int wordIndex(int words) {
                return word;
            }

            @Override
            public int formIndex(int forms) {
                return 0;
            }
        };
    }
}

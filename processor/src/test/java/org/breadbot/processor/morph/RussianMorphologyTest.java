package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Analysis, ranking, guessing and inflection over LanguageTool's dictionaries (spec §6.5). */
class RussianMorphologyTest {

    private final RussianMorphology morphology = Dictionaries.UNCACHED;

    @Test
    void parsesAreRankedAndScoredSummingToOne() {
        List<Parse> parses = morphology.analyse("батарейки");

        assertThat(parses).hasSizeGreaterThan(1);
        assertThat(parses).allSatisfy(parse -> assertThat(parse.lemma()).isEqualTo("батарейка"));
        assertThat(parses.stream().mapToDouble(Parse::score).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(parses.get(0).score()).isGreaterThanOrEqualTo(parses.get(1).score());
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "голова, голова, 'NOUN,inan,femn sing,nomn'",
            "головой, голова, 'NOUN,inan,femn sing,ablt'",
            "после, после, PREP",
            "до, до, PREP",
            "занялся, заняться, 'VERB,perf,intr masc,sing,past,indc'",
            "прозой, проза, 'NOUN,inan,femn sing,ablt'",
            "зариф, зариф, 'NOUN,anim,masc,Name sing,nomn'",
            "делавший, делать, 'PRTF,impf,tran,past,actv masc,sing,nomn'",
            "делая, делать, 'GRND,impf,tran pres'",
            "красивого, красивый, 'ADJF anim,masc,sing,accs'",
            "я, я, 'NPRO,1per sing,nomn'",
            "скакать, скакать, 'INFN,impf,intr'",
            "надо, надо, PRED",
            "было, быть, 'VERB,impf,intr neut,sing,past,indc'",
            "быстро, быстро, ADVB"})
    void theMostProbableParseIsTheOneTheSpecExpects(String word, String lemma, String tag) {
        Parse best = morphology.best(word);

        assertThat(best.lemma()).isEqualTo(lemma);
        assertThat(best.tag()).hasToString(tag);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2022, 'NUMB,intg'", "3.14, 'NUMB,real'", "hello, LATN", "my_key, LATN", "'?!', PNCT",
            "👉, PNCT", "слово1, UNKN", "ааа, UNKN"})
    void tokensThatAreNotRussianWordsHaveNoPartOfSpeech(String token, String marker) {
        Parse parse = morphology.best(token);

        assertThat(parse.tag().hasPartOfSpeech()).isFalse();
        assertThat(parse.tag()).hasToString(marker);
        assertThat(parse.tag().formKey().swappable()).isFalse();
        assertThat(morphology.lexeme(parse)).containsExactly(new WordForm(token, parse.tag()));
    }

    @Test
    void overlongAndHostileTokensHaveNoPartOfSpeech() {
        for (String token : java.util.List.of("е".repeat(4096), "а-".repeat(2000) + "кот", "ё".repeat(49),
                "\u0000", "\uD83D", " ", "")) {
            Parse parse = morphology.best(token);

            assertThat(parse.tag().hasPartOfSpeech()).isFalse();
            assertThat(morphology.lexeme(parse)).hasSize(1);
        }
    }

    @Test
    void capitalisationAndStressMarksDoNotMatter() {
        assertThat(morphology.best("Пра\u0301вда").lemma()).isEqualTo("правда");
        assertThat(morphology.best("СЛОВУ").tag()).hasToString("NOUN,inan,neut sing,datv");
    }

    @Test
    void aWordTypedWithEInsteadOfYoIsFound() {
        Parse parse = morphology.best("елка");

        assertThat(parse.lemma()).isEqualTo("ёлка");
        assertThat(parse.word()).isEqualTo("елка");
    }

    @Test
    void anUnknownWordAfterAShortPrefixBorrowsTheKnownWordsLexeme() {
        Parse parse = morphology.best("суперкот");

        assertThat(parse.lemma()).isEqualTo("суперкот");
        assertThat(parse.tag()).hasToString("NOUN,anim,masc sing,nomn");
        assertThat(morphology.lexeme(parse)).extracting(WordForm::form).contains("суперкота", "суперкотами");
    }

    @Test
    void anUnknownHyphenatedWordInflectsItsLastPart() {
        assertThat(morphology.lexeme("интернет-магазин")).extracting(WordForm::form)
                .contains("интернет-магазины", "интернет-магазинах");
    }

    @Test
    void anUnknownWordIsGuessedFromItsEnding() {
        assertThat(morphology.best("кринжовый").tag()).hasToString("ADJF masc,sing,nomn");
        assertThat(morphology.lexeme("кринжовый")).extracting(WordForm::form).contains("кринжовую", "кринжовыми");
        assertThat(morphology.best("зафрендить").tag()).hasToString("INFN,impf,tran");
        assertThat(morphology.lexeme("зафрендить")).extracting(WordForm::form).contains("зафрендил", "зафрендит");
        assertThat(morphology.best("блог").tag().pos()).isEqualTo("NOUN");
    }

    @Test
    void homonymousLexemesStaySeparate() {
        List<WordForm> head = morphology.lexeme("голова");

        assertThat(head).allSatisfy(form -> assertThat(form.tag().has("anim")).isFalse());
        assertThat(head).extracting(WordForm::form).contains("головой", "головою", "головы");
    }

    @Test
    void anIndeclinableNounHasEveryCase() {
        List<WordForm> coffee = morphology.lexeme("кофе");

        assertThat(coffee).hasSize(12).allSatisfy(form -> assertThat(form.form()).isEqualTo("кофе"));
        assertThat(coffee.get(1).tag()).hasToString("NOUN,inan,masc,Fixd sing,gent");
    }

    @Test
    void formsGiveYoWordsAlsoWithE() {
        assertThat(morphology.forms("ёлка")).contains("ёлки", "елки", "ёлкой", "елкой");
    }

    @Test
    void inflectPicksTheFormWithTheRequestedGrammemes() {
        assertThat(morphology.inflect(morphology.best("слово"), Set.of("plur", "datv"))).contains("словам");
        assertThat(morphology.inflect(morphology.best("делаю"), Set.of("past", "femn"))).contains("делала");
        assertThat(morphology.inflect(morphology.best("красивая"), Set.of("ablt"))).contains("красивой");
        assertThat(morphology.inflect(morphology.best("слово"), Set.of("past"))).isEmpty();
    }

    @Test
    void theFormKeyIsTheSixTupleOfTheSpec() {
        assertThat(morphology.best("прыгал").tag().formKey())
                .isEqualTo(new FormKey("VERB", null, "sing", "masc", "past", null));
        assertThat(morphology.best("головой").tag().formKey())
                .isEqualTo(new FormKey("NOUN", "ablt", "sing", "femn", null, null));
        assertThat(morphology.best("делаем").tag().formKey())
                .isEqualTo(new FormKey("VERB", null, "plur", null, "pres", "1per"));
    }
}

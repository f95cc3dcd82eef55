package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code морф} and {@code морф дебаг} replies (spec §4.2.28). */
class MorphReportTest {

    private final MorphReport report = new MorphReport(Dictionaries.cached());

    @Test
    void scenario076_morphListsTheTwelveFormsOfSlovoInParadigmOrder() {
        assertThat(report.forms("Слово")).isEqualTo(String.join("\n",
                "слово", "слова", "слову", "слово", "словом", "слове",
                "слова", "слов", "словам", "слова", "словами", "словах"));
    }

    @Test
    void scenario077_morphDebugPrefixesEachFormWithItsOpenCorporaTag() {
        String[] lines = report.debug("Слово").split("\n");

        assertThat(lines).hasSize(12);
        assertThat(lines[0]).isEqualTo("NOUN,inan,neut sing,nomn: слово");
        assertThat(lines[4]).isEqualTo("NOUN,inan,neut sing,ablt: словом");
        assertThat(lines[11]).isEqualTo("NOUN,inan,neut plur,loct: словах");
    }

    @Test
    void aVerbListsInfinitiveFiniteFormsParticiplesAndGerunds() {
        String[] lines = report.debug("делать").split("\n");

        assertThat(lines[0]).isEqualTo("INFN,impf,tran: делать");
        assertThat(lines[1]).isEqualTo("VERB,impf,tran sing,1per,pres,indc: делаю");
        assertThat(lines).contains(
                "VERB,impf,tran masc,sing,past,indc: делал",
                "PRTF,impf,tran,past,actv masc,sing,nomn: делавший",
                "GRND,impf,tran pres: делая");
    }

    @Test
    void aWordOutsideTheDictionaryStandsAlone() {
        assertThat(report.forms("hello")).isEqualTo("hello");
        assertThat(report.debug("2022")).isEqualTo("NUMB,intg: 2022");
        assertThat(report.debug("красивое слово")).isEqualTo("UNKN: красивое слово");
    }
}

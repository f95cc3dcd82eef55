package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AOT tags of the LanguageTool dictionary map onto OpenCorpora grammemes. */
class AotTagsTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
            "NN:Inanim:Neut:Sin:Nom, слово, 'NOUN,inan,neut sing,nomn'",
            "NN:Anim:Masc:PL:T, котами, 'NOUN,anim,masc plur,ablt'",
            "NN:Inanim:Masc:Sin:2P, лесу, 'NOUN,inan,masc sing,loc2'",
            "NN:Inanim:Fem:Sin:2R, чаю, 'NOUN,inan,femn sing,gen2'",
            "NN:Fam:Masc:Sin:Nom, пушкин, 'NOUN,anim,masc,Surn sing,nomn'",
            "NN:Name:Fem:Sin:Z:Talk, маш, 'NOUN,anim,femn,Name sing,voct,Infr'",
            "NN:Inanim::PL:Nom, ножницы, 'NOUN,inan plur,nomn'",
            "ADJ:Posit:Fem:T, красивой, 'ADJF femn,sing,ablt'",
            "ADJ:Posit:PL:V, красивые, 'ADJF inan,plur,accs'",
            "ADJ:Posit:Masc:V, красивого, 'ADJF anim,masc,sing,accs'",
            "ADJ:Short:PL, красивы, 'ADJS plur'",
            "ADJ:Comp, красивее, COMP",
            "ADJ:Sup:Masc:Nom, красивейший, 'ADJF,Supr masc,sing,nomn'",
            "ADJ:MPR:Fem:Nom, моя, 'ADJF,Apro femn,sing,nomn'",
            "Ord:Neut:R, второго, 'ADJF,Anum neut,sing,gent'",
            "VB:INF:TRANS:IMPFV, делать, 'INFN,impf,tran'",
            "VB:Real:TRANS:IMPFV:PL:P3, делают, 'VERB,impf,tran plur,3per,pres,indc'",
            "VB:Fut:INTR:PFV:Sin:P1, прыгну, 'VERB,perf,intr sing,1per,futr,indc'",
            "VB:Past:TRANS:IMPFV:PL, делали, 'VERB,impf,tran plur,past,indc'",
            "VB:IMP:TRANS:PFV:PL:P1, сделаем, 'VERB,perf,tran plur,impr,incl'",
            "VB:IMP:TRANS:IMPFV:Sin:P2, делай, 'VERB,impf,tran sing,impr,excl'",
            "VB:Real:bezl:IMPFV, светает, 'VERB,impf,Impe pres,indc'",
            "DPT:Past:TRANS:IMPFV, делав, 'GRND,impf,tran past'",
            "PT:Real:TRANS:IMPFV:STR:Masc:Nom, делаемый, 'PRTF,impf,tran,pres,pssv masc,sing,nomn'",
            "PT_Short:Past:TRANS:IMPFV:STR:Fem, делана, 'PRTS,impf,tran,past,pssv femn,sing'",
            "PNN:Fem:Nom:P3, она, 'NPRO,femn,3per sing,nomn'",
            "NumC:D, пяти, 'NUMR datv'",
            "ADV, быстро, ADVB",
            "PARTICLE, же, PRCL",
            "INTERJECTION, ой, INTJ",
            "PRDC, можно, PRED",
            "PARENTHESIS, впрочем, 'ADVB,Prnt'",
            "Misc, x, UNKN"})
    void mapsToOpenCorporaNotation(String aotTag, String form, String expected) {
        assertThat(AotTags.toTag(aotTag, form)).hasToString(expected);
    }

    @Test
    void aVerbsFormsParticiplesAndGerundsShareOneLexemeClass() {
        String verb = AotTags.lexemeClass("VB:Real:TRANS:IMPFV:Sin:P1");

        assertThat(AotTags.lexemeClass("VB:INF:TRANS:IMPFV")).isEqualTo(verb);
        assertThat(AotTags.lexemeClass("PT:Past:TRANS:IMPFV:DST:Masc:Nom")).isEqualTo(verb);
        assertThat(AotTags.lexemeClass("PT_Short:Past:TRANS:IMPFV:STR:Fem")).isEqualTo(verb);
        assertThat(AotTags.lexemeClass("DPT:Real:TRANS:IMPFV")).isEqualTo(verb);
        assertThat(AotTags.lexemeClass("VB:INF:TRANS:PFV")).isNotEqualTo(verb);
    }

    @Test
    void nounHomonymsDifferingInAnimacyOrGenderAreDifferentLexemes() {
        assertThat(AotTags.lexemeClass("NN:Inanim:Fem:Sin:Nom"))
                .isEqualTo(AotTags.lexemeClass("NN:Inanim:Fem:PL:T"))
                .isNotEqualTo(AotTags.lexemeClass("NN:Anim:Masc:Sin:Nom"));
    }

    @Test
    void superlativesAreTheirOwnLexemeAsInOpenCorpora() {
        assertThat(AotTags.lexemeClass("ADJ:Posit:Masc:Nom"))
                .isEqualTo(AotTags.lexemeClass("ADJ:Short:Fem"))
                .isEqualTo(AotTags.lexemeClass("ADJ:Comp"))
                .isNotEqualTo(AotTags.lexemeClass("ADJ:Sup:Masc:Nom"));
    }

    @Test
    void unknownOrMalformedTagsDoNotBreakTheMapping() {
        assertThat(AotTags.toTag("", "x").hasPartOfSpeech()).isFalse();
        assertThat(AotTags.toTag("::::", "x").hasPartOfSpeech()).isFalse();
        assertThat(AotTags.toTag("NN:Whatever:Sin:Nom", "x")).hasToString("NOUN sing,nomn");
    }
}

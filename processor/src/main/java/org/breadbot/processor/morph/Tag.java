package org.breadbot.processor.morph;

import java.util.List;
import java.util.Set;

/**
 * A grammatical tag in OpenCorpora notation, as pymorphy2 prints it: the grammemes of the lexeme, a space, the
 * grammemes of the form ({@code NOUN,inan,neut sing,nomn}). Words outside the dictionary's alphabet have no part
 * of speech and one of pymorphy2's markers instead ({@code NUMB,intg}, {@code LATN}, {@code PNCT}, {@code UNKN}).
 *
 * @param pos            part of speech (NOUN, ADJF, ADJS, COMP, VERB, INFN, PRTF, PRTS, GRND, NUMR, ADVB, NPRO,
 *                       PRED, PREP, CONJ, PRCL, INTJ), or {@code null}
 * @param lexemeGrammemes grammemes shared by the lexeme, after the part of speech (animacy, gender, aspect, ...)
 * @param formGrammemes  grammemes of this form (number, case, person, tense, mood, ...)
 */
public record Tag(String pos, List<String> lexemeGrammemes, List<String> formGrammemes) {

    private static final Set<String> CASES =
            Set.of("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2");
    private static final Set<String> NUMBERS = Set.of("sing", "plur");
    private static final Set<String> GENDERS = Set.of("masc", "femn", "neut");
    private static final Set<String> TENSES = Set.of("past", "pres", "futr");
    private static final Set<String> PERSONS = Set.of("1per", "2per", "3per");
    private static final Set<String> ANIMACY = Set.of("anim", "inan");

    public Tag {
        lexemeGrammemes = List.copyOf(lexemeGrammemes);
        formGrammemes = List.copyOf(formGrammemes);
    }

    /** A tag without a part of speech, e.g. {@code NUMB,intg}. */
    static Tag marker(String... grammemes) {
        return new Tag(null, List.of(grammemes), List.of());
    }

    public boolean hasPartOfSpeech() {
        return pos != null;
    }

    public boolean has(String grammeme) {
        return grammeme.equals(pos) || lexemeGrammemes.contains(grammeme) || formGrammemes.contains(grammeme);
    }

    public String grammaticalCase() {
        return first(CASES);
    }

    public String number() {
        return first(NUMBERS);
    }

    public String gender() {
        return first(GENDERS);
    }

    public String tense() {
        return first(TENSES);
    }

    public String person() {
        return first(PERSONS);
    }

    public String animacy() {
        return first(ANIMACY);
    }

    /** The 6-tuple by which the nonsense generator matches forms (spec §6.2). */
    public FormKey formKey() {
        return new FormKey(pos, grammaticalCase(), number(), gender(), tense(), person());
    }

    private String first(Set<String> category) {
        for (String grammeme : lexemeGrammemes) {
            if (category.contains(grammeme)) {
                return grammeme;
            }
        }
        for (String grammeme : formGrammemes) {
            if (category.contains(grammeme)) {
                return grammeme;
            }
        }
        return null;
    }

    /** OpenCorpora notation, e.g. {@code NOUN,inan,neut sing,nomn} or {@code INFN,impf,tran}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (pos != null) {
            text.append(pos);
        }
        for (String grammeme : lexemeGrammemes) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(grammeme);
        }
        if (!formGrammemes.isEmpty()) {
            text.append(' ').append(String.join(",", formGrammemes));
        }
        return text.toString();
    }
}

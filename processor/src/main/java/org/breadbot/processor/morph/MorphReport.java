package org.breadbot.processor.morph;

import java.util.stream.Collectors;

/** The replies of {@code морф} and {@code морф дебаг} (spec §4.2.28). */
public final class MorphReport {

    private final RussianMorphology morphology;

    public MorphReport(RussianMorphology morphology) {
        this.morphology = morphology;
    }

    /** Every form of the lexeme of the word's most probable analysis, one per line, in paradigm order. */
    public String forms(String word) {
        return morphology.lexeme(word).stream()
                .map(WordForm::form)
                .collect(Collectors.joining("\n"));
    }

    /** The same lines as {@code <OpenCorpora tag>: <form>}, e.g. {@code NOUN,inan,neut sing,nomn: слово}. */
    public String debug(String word) {
        return morphology.lexeme(word).stream()
                .map(form -> form.tag() + ": " + form.form())
                .collect(Collectors.joining("\n"));
    }
}

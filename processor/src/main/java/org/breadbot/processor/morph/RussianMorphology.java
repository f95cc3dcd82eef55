package org.breadbot.processor.morph;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Russian morphological analysis and generation (spec §6.5), in OpenCorpora/pymorphy2 terms, whatever library is
 * behind it. All returned words are lower-case.
 */
public interface RussianMorphology {

    /**
     * Every analysis of a word, most probable first; never empty. Numbers, Latin words, punctuation and other
     * non-Russian tokens get one parse without a part of speech ({@code NUMB,intg}, {@code LATN}, {@code PNCT},
     * {@code UNKN}); a Russian word outside the dictionary gets guessed parses where possible.
     */
    List<Parse> analyse(String word);

    /** Every form of the parse's lexeme with its tag, in paradigm order; a word outside the dictionary is alone. */
    List<WordForm> lexeme(Parse parse);

    /** The most probable analysis. */
    default Parse best(String word) {
        return analyse(word).get(0);
    }

    /** The lexeme of the most probable analysis (what {@code морф} lists). */
    default List<WordForm> lexeme(String word) {
        return lexeme(best(word));
    }

    /**
     * The word itself plus every form of the lexeme of its most probable analysis (spec §5.5 step 3), lower-case;
     * forms written with ё are also given with е, as people type them. Text with spaces is a phrase, not a word,
     * and stands for itself.
     */
    default Set<String> forms(String word) {
        String normalised = Words.normalise(word);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(normalised);
        if (normalised.isEmpty() || Words.isPhrase(normalised)) {
            return Set.copyOf(forms);
        }
        for (WordForm form : lexeme(word)) {
            forms.add(form.form());
            forms.add(Words.withoutYo(form.form()));
        }
        return Set.copyOf(forms);
    }

    /**
     * The form of the parse's lexeme that has all the given grammemes ({@code Set.of("plur", "datv")}), the one
     * closest to the parse's own tag when several do (the first in paradigm order on a tie); empty when the
     * lexeme has none.
     */
    default Optional<String> inflect(Parse parse, Set<String> grammemes) {
        return lexeme(parse).stream()
                .filter(form -> grammemes.stream().allMatch(form.tag()::has))
                .max(Comparator.comparingInt((WordForm form) -> Words.shared(form.tag(), parse.tag())))
                .map(WordForm::form);
    }
}

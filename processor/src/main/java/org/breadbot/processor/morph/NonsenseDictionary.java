package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat's nonsense dictionary expanded for generation (spec §6.2): every form of the lexeme of each word's most
 * probable analysis, indexed by its {@link FormKey}. Words without a part of speech (2022, Latin) add nothing
 * usable, but still count as words: only a dictionary without any word is empty.
 */
public final class NonsenseDictionary {

    private final Map<FormKey, List<String>> forms;
    private final int words;
    private final int size;

    private NonsenseDictionary(Map<FormKey, List<String>> forms, int words) {
        this.forms = forms;
        this.words = words;
        this.size = forms.values().stream().mapToInt(List::size).sum();
    }

    static NonsenseDictionary expand(RussianMorphology morphology, Collection<String> words) {
        Map<FormKey, List<String>> forms = new HashMap<>();
        for (String word : words) {
            Parse parse = morphology.best(word);
            if (!parse.tag().hasPartOfSpeech()) {
                continue;
            }
            for (WordForm form : morphology.lexeme(parse)) {
                forms.computeIfAbsent(form.tag().formKey(), key -> new ArrayList<>()).add(form.form());
            }
        }
        forms.replaceAll((key, list) -> List.copyOf(list));
        return new NonsenseDictionary(Map.copyOf(forms), words.size());
    }

    /** True when the chat has no dictionary words at all: the "dictionary is empty" case of spec §6.3 step 1. */
    public boolean isEmpty() {
        return words == 0;
    }

    /** How many forms the expansion holds. */
    public int size() {
        return size;
    }

    /** The dictionary forms that fit a grammatical slot, duplicates kept (two words may share a form). */
    public List<String> forms(FormKey key) {
        return forms.getOrDefault(key, List.of());
    }
}

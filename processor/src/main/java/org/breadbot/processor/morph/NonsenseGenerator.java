package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.breadbot.processor.pipeline.Budget;

/**
 * The "бред" generator (spec §6.3): replaces randomly chosen words of a text with dictionary words put into the
 * same grammatical form, keeping everything else — punctuation, spacing, numbers, Latin words, line structure.
 * Replaced words come out lower-case.
 */
public final class NonsenseGenerator {

    private final RussianMorphology morphology;
    private final NonsenseRandom random;

    public NonsenseGenerator(RussianMorphology morphology, NonsenseRandom random) {
        this.morphology = morphology;
        this.random = random;
    }

    /** A chat's dictionary words expanded (spec §6.2); the bot keeps each chat's expansion (ChatDictionaries). */
    public NonsenseDictionary dictionary(Collection<String> words) {
        return NonsenseDictionary.expand(morphology, words);
    }

    /**
     * The nonsense version of a text, or empty when the dictionary has no words (the "dictionary is empty" error
     * of {@code бред}; the automatic reply just passes). The result equals the text when nothing was replaced.
     *
     * @param scale the "бред" coefficient, at least 1; any value from 4 up tries as many times as there are words
     */
    public Optional<String> generate(String text, long scale, Collection<String> words) {
        NonsenseDictionary dictionary = dictionary(words);
        return dictionary.isEmpty() ? Optional.empty() : Optional.of(generate(text, scale, dictionary));
    }

    /** The nonsense version of a text with an expanded, non-empty dictionary. */
    public String generate(String text, long scale, NonsenseDictionary dictionary) {
        return generate(text, scale, dictionary, Budget.unlimited());
    }

    /** {@link #generate(String, long, NonsenseDictionary)}, checking the update's budget line by line. */
    public String generate(String text, long scale, NonsenseDictionary dictionary, Budget budget) {
        if (scale < 1) {
            throw new IllegalArgumentException("The nonsense scale must be at least 1, was " + scale);
        }
        List<String> lines = new ArrayList<>();
        for (String line : NonsenseText.lines(text)) {
            budget.check();
            lines.add(line(line, scale, dictionary, budget));
        }
        return String.join("\n", lines);
    }

    /**
     * The text as {@link #generate} returns it when it replaces nothing: lines joined with {@code \n}, a trailing
     * line break dropped. The automatic reply compares with this, so a message is not answered with itself.
     */
    public static String unchanged(String text) {
        return String.join("\n", NonsenseText.lines(text));
    }

    private String line(String line, long scale, NonsenseDictionary dictionary, Budget budget) {
        List<String> tokens = new ArrayList<>(NonsenseText.tokens(line));
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (NonsenseText.isWord(tokens.get(i))) {
                words.add(i);
            }
        }
        for (int attempt = attempts(words.size(), scale); attempt > 0; attempt--) {
            if (attempt % 1024 == 0) {
                budget.check();
            }
            int position = words.get(random.wordIndex(words.size()));
            replacement(tokens.get(position), dictionary).ifPresent(word -> tokens.set(position, word));
        }
        return String.join("", tokens);
    }

    private Optional<String> replacement(String word, NonsenseDictionary dictionary) {
        FormKey key = morphology.best(word).tag().formKey();
        if (!key.swappable()) {
            return Optional.empty();
        }
        List<String> forms = dictionary.forms(key);
        return forms.isEmpty() ? Optional.empty() : Optional.of(forms.get(random.formIndex(forms.size())));
    }

    /**
     * min(n, ⌈n × c⌉) with c = 1 for one word, 0.5 × scale for two, 0.3 × scale for more, multiplied in the
     * original's order and double arithmetic, so that the rounding at the edges is the same (three words at
     * scale 1 give 0.8999999999999999, one attempt).
     */
    static int attempts(int words, long scale) {
        double coefficient = words == 1 ? 1 : words == 2 ? 0.5 * scale : 0.3 * scale;
        return (int) Math.min(words, Math.ceil(words * coefficient));
    }
}

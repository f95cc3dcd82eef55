package org.breadbot.processor.bot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.breadbot.processor.pipeline.Budget;

/**
 * The substring keys of one pack, prepared for matching (spec §5.5 steps 2–4): every key and every form of it of
 * at least {@link SubstringMatcher#MIN_FORM_LENGTH} characters, by the text it must appear as. A key matches when
 * one of its forms stands space-delimited in the lower-cased message: a run of the message's space-separated
 * words equals the form. So a message is matched by looking its word runs up, in time linear in its length and
 * independent of how many keys the pack has; {@code " " + form + " "} searched in the text for every key was
 * quadratic in the worst case and grew with the keys.
 */
final class SubstringIndex {

    /** How often the matching loop checks the update's budget, in look-ups. */
    private static final int CHECK_EVERY = 4096;

    /** Each form, by its text, with the keys it belongs to. */
    private final Map<String, List<String>> keysByForm;
    /** For each first word of a form, the word counts of the forms starting with it. */
    private final Map<String, int[]> wordCountsByFirstWord;
    private final int forms;

    private SubstringIndex(Map<String, List<String>> keysByForm, Map<String, int[]> wordCountsByFirstWord) {
        this.keysByForm = keysByForm;
        this.wordCountsByFirstWord = wordCountsByFirstWord;
        this.forms = keysByForm.size();
    }

    /** The index of these (lower-cased) keys, with their forms from {@code morphology}. */
    static SubstringIndex of(Collection<String> keys, Morphology morphology, Budget budget) {
        Map<String, List<String>> keysByForm = new HashMap<>();
        Map<String, Set<Integer>> counts = new HashMap<>();
        for (String key : keys) {
            budget.check();
            Set<String> forms = new LinkedHashSet<>();
            forms.add(key);
            forms.addAll(morphology.forms(key));
            for (String form : forms) {
                if (form.length() < SubstringMatcher.MIN_FORM_LENGTH) {
                    continue;
                }
                List<String> owners = keysByForm.computeIfAbsent(form, f -> new ArrayList<>(1));
                if (!owners.contains(key)) {
                    owners.add(key);
                }
                String[] words = form.split(" ", -1);
                counts.computeIfAbsent(words[0], w -> new HashSet<>()).add(words.length);
            }
        }
        Map<String, int[]> wordCounts = new HashMap<>();
        counts.forEach((word, lengths) -> wordCounts.put(word, lengths.stream().mapToInt(Integer::intValue).toArray()));
        return new SubstringIndex(keysByForm, wordCounts);
    }

    /** How many forms the index holds: its weight in the cache. */
    int forms() {
        return forms;
    }

    /** The keys one of whose forms stands space-delimited in the text. */
    Set<String> keysIn(String text, Budget budget) {
        String[] words = text.toLowerCase(Locale.ROOT).split(" ", -1);
        Set<String> found = new LinkedHashSet<>();
        int lookups = 0;
        for (int start = 0; start < words.length; start++) {
            int[] counts = wordCountsByFirstWord.get(words[start]);
            if (counts == null) {
                continue;
            }
            for (int count : counts) {
                if (start + count > words.length) {
                    continue;
                }
                List<String> keys = keysByForm.get(count == 1 ? words[start] : String.join(" ",
                        java.util.Arrays.asList(words).subList(start, start + count)));
                if (keys != null) {
                    found.addAll(keys);
                }
                if (++lookups % CHECK_EVERY == 0) {
                    budget.check();
                }
            }
        }
        return found;
    }
}

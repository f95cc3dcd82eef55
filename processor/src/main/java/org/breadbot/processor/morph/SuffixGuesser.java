package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.breadbot.processor.morph.Parse.LexemeId;

/**
 * Guesses the lexeme of an unknown word from its ending, as pymorphy2's known-suffix analyser does, but with a
 * handful of productive exemplar paradigms instead of suffix tables mined from the whole dictionary: the exemplar
 * form that shares the longest ending (at least two letters) with the word lends its paradigm (кринжовый is
 * declined like красивый, зафрендить conjugated like говорить). A word ending in a consonant that matches nothing
 * is taken for a masculine noun like стол.
 */
final class SuffixGuesser {

    private static final List<String> EXEMPLARS = List.of(
            "стол", "трамвай", "словарь", "слово", "здание", "лампа", "батарейка", "неделя", "станция", "радость",
            "красивый", "синий", "большой", "русский",
            "делать", "говорить", "болеть", "рисовать", "заниматься", "стремиться");
    private static final String MASCULINE_NOUN = "стол";
    private static final String CONSONANTS = "бвгджзклмнпрстфхцчшщ";
    private static final int MIN_SHARED_ENDING = 2;
    private static final int MAX_SHARED_ENDING = 5;
    private static final int MIN_STEM = 2;

    private final List<Paradigm> paradigms;

    private SuffixGuesser(List<Paradigm> paradigms) {
        this.paradigms = paradigms;
    }

    /** Builds the exemplar paradigms with the analyser's own dictionary parses. */
    static SuffixGuesser from(Function<String, Parse> bestParse, Function<Parse, List<WordForm>> lexeme) {
        List<Paradigm> paradigms = new ArrayList<>();
        for (String exemplar : EXEMPLARS) {
            Parse parse = bestParse.apply(exemplar);
            if (parse.lexemeId().inDictionary()) {
                List<WordForm> forms = lexeme.apply(parse).stream()
                        .filter(form -> !form.tag().has("Infr"))
                        .toList();
                paradigms.add(new Paradigm(parse, stemOf(forms), forms));
            }
        }
        return new SuffixGuesser(List.copyOf(paradigms));
    }

    /** The parses the best-matching exemplar forms suggest; empty when no ending matches. */
    List<Parse> guess(String word) {
        List<Parse> guesses = new ArrayList<>();
        int best = MIN_SHARED_ENDING;
        for (Paradigm paradigm : paradigms) {
            for (WordForm form : paradigm.forms()) {
                if (!form.form().startsWith(paradigm.stem())) {
                    continue;
                }
                String ending = form.form().substring(paradigm.stem().length());
                int shared = sharedEnding(word, form.form());
                if (!word.endsWith(ending) || word.length() - ending.length() < MIN_STEM || shared < best) {
                    continue;
                }
                if (shared > best) {
                    guesses.clear();
                    best = shared;
                }
                guesses.add(paradigm.parse(word, word.substring(0, word.length() - ending.length()), form.tag()));
            }
        }
        if (guesses.isEmpty() && CONSONANTS.indexOf(word.charAt(word.length() - 1)) >= 0) {
            paradigms.stream()
                    .filter(paradigm -> paradigm.exemplar().lemma().equals(MASCULINE_NOUN))
                    .findFirst()
                    .ifPresent(paradigm -> guesses.add(paradigm.parse(word, word, paradigm.forms().get(0).tag())));
        }
        return guesses;
    }

    private static int sharedEnding(String one, String other) {
        int shared = 0;
        while (shared < MAX_SHARED_ENDING && shared < one.length() && shared < other.length()
                && one.charAt(one.length() - 1 - shared) == other.charAt(other.length() - 1 - shared)) {
            shared++;
        }
        return shared;
    }

    /** The common beginning of the forms; suppletive comparatives (хороший → лучше) are left out. */
    private static String stemOf(List<WordForm> forms) {
        String stem = null;
        for (WordForm form : forms) {
            if ("COMP".equals(form.tag().pos())) {
                continue;
            }
            stem = stem == null ? form.form() : commonPrefix(stem, form.form());
        }
        return stem == null ? "" : stem;
    }

    private static String commonPrefix(String one, String other) {
        int length = 0;
        while (length < one.length() && length < other.length() && one.charAt(length) == other.charAt(length)) {
            length++;
        }
        return one.substring(0, length);
    }

    private record Paradigm(Parse exemplar, String stem, List<WordForm> forms) {

        Parse parse(String word, String ownStem, Tag tag) {
            LexemeId borrowed = exemplar.lexemeId();
            LexemeId id = new LexemeId(borrowed.dictionaryLemma(), borrowed.lexemeClass(), stem, ownStem);
            String lemma = id.apply(exemplar.lemma());
            return new Parse(word, lemma == null ? word : lemma, tag, 0, id);
        }
    }
}

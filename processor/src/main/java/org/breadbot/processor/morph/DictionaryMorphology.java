package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.breadbot.processor.morph.AotDictionary.Entry;
import org.breadbot.processor.morph.Parse.LexemeId;

/**
 * The analyser over {@link AotDictionary}, uncached: every call walks the dictionaries (tens to hundreds of
 * microseconds, a few milliseconds for a large verb lexeme). {@link CachedMorphology} is what the bot uses.
 *
 * <p>The dictionary has no frequencies, so parses are ranked by {@link ParseRanking} rather than by pymorphy2's
 * corpus probabilities. Unknown words are guessed as pymorphy2's unknown-prefix analyser does (a known word after
 * a short unknown prefix or a hyphen lends its lexeme, with the prefix in front of every form), else by their
 * ending ({@link SuffixGuesser}).
 */
final class DictionaryMorphology implements RussianMorphology {

    private static final Pattern RUSSIAN_WORD = Pattern.compile("[а-яё]+(?:-[а-яё]+)*");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern REAL = Pattern.compile("\\d+[.,]\\d+");
    private static final Pattern LATIN = Pattern.compile("(?=.*[a-z])[a-z0-9_'-]+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    /** Longer than any Russian word (the longest run to about 35 letters); spares hostile input the look-ups. */
    private static final int MAX_WORD_LENGTH = 48;
    private static final int MAX_GUESSED_PREFIX = 5;
    private static final int MIN_GUESSED_REMAINDER = 3;
    private static final List<String> NUMBERS = List.of("sing", "plur");
    private static final List<String> CASES = List.of("nomn", "gent", "datv", "accs", "ablt", "loct");

    private final AotDictionary dictionary;
    private final SuffixGuesser suffixGuesser;

    DictionaryMorphology(AotDictionary dictionary) {
        this.dictionary = dictionary;
        this.suffixGuesser = SuffixGuesser.from(this::bestKnown, this::lexeme);
    }

    /** The best dictionary parse of a known word (no guessing: used to build the guesser itself). */
    private Parse bestKnown(String word) {
        List<Parse> parses = parses(word, "", readings(word));
        return parses.isEmpty()
                ? new Parse(word, word, Tag.marker("UNKN"), 1.0, LexemeId.none())
                : ParseRanking.rank(parses, false).get(0);
    }

    @Override
    public List<Parse> analyse(String word) {
        String normalised = Words.normalise(word);
        if (normalised.length() > MAX_WORD_LENGTH) {
            return List.of(new Parse(normalised, normalised, Tag.marker("UNKN"), 1.0, LexemeId.none()));
        }
        if (!RUSSIAN_WORD.matcher(normalised).matches()) {
            return List.of(new Parse(normalised, normalised, markerFor(normalised), 1.0, LexemeId.none()));
        }
        boolean capitalised = Character.isUpperCase(word.strip().codePointAt(0));
        List<Parse> parses = parses(normalised, "", readings(normalised));
        if (parses.isEmpty()) {
            parses = guesses(normalised);
        }
        if (parses.isEmpty()) {
            return List.of(new Parse(normalised, normalised, Tag.marker("UNKN"), 1.0, LexemeId.none()));
        }
        return ParseRanking.rank(parses, capitalised);
    }

    @Override
    public List<WordForm> lexeme(Parse parse) {
        LexemeId id = parse.lexemeId();
        if (!id.inDictionary()) {
            return List.of(new WordForm(parse.word(), parse.tag()));
        }
        Set<WordForm> forms = new LinkedHashSet<>();
        for (Entry entry : dictionary.paradigm(id.dictionaryLemma())) {
            String form = id.apply(entry.text());
            if (form != null && AotTags.lexemeClass(entry.tag()).equals(id.lexemeClass())) {
                addForms(forms, form, entry.tag());
            }
        }
        if (forms.isEmpty()) {
            return List.of(new WordForm(parse.word(), parse.tag()));
        }
        return forms.stream().sorted(AotTags.PARADIGM_ORDER).toList();
    }

    private static void addForms(Set<WordForm> forms, String form, String aotTag) {
        if (!AotTags.isIndeclinableNoun(aotTag)) {
            forms.add(new WordForm(form, AotTags.toTag(aotTag, form)));
            return;
        }
        for (String number : NUMBERS) {
            for (String grammaticalCase : CASES) {
                forms.add(new WordForm(form, AotTags.indeclinable(aotTag, number, grammaticalCase)));
            }
        }
    }

    /** Dictionary readings; a word typed with е where the dictionary has ё is found too (еще → ещё). */
    private List<Entry> readings(String word) {
        List<Entry> readings = dictionary.readings(word);
        if (!readings.isEmpty()) {
            return readings;
        }
        List<Entry> withYo = new ArrayList<>();
        for (int i = word.indexOf('е'); i >= 0; i = word.indexOf('е', i + 1)) {
            withYo.addAll(dictionary.readings(word.substring(0, i) + 'ё' + word.substring(i + 1)));
        }
        return withYo;
    }

    private List<Parse> parses(String word, String prefix, List<Entry> readings) {
        Map<LexemeAndTag, Parse> parses = new LinkedHashMap<>();
        for (Entry reading : readings) {
            String remainder = word.substring(prefix.length());
            Tag tag = AotTags.isIndeclinableNoun(reading.tag())
                    ? AotTags.indeclinable(reading.tag(), "sing", "nomn")
                    : AotTags.toTag(reading.tag(), remainder);
            LexemeId id = new LexemeId(reading.text(), AotTags.lexemeClass(reading.tag()), "", prefix);
            parses.putIfAbsent(new LexemeAndTag(id, tag), new Parse(word, prefix + reading.text(), tag, 0, id));
        }
        return new ArrayList<>(parses.values());
    }

    private record LexemeAndTag(LexemeId id, Tag tag) {
    }

    private static List<Parse> dedupe(List<Parse> parses) {
        Map<LexemeAndTag, Parse> unique = new LinkedHashMap<>();
        for (Parse parse : parses) {
            unique.putIfAbsent(new LexemeAndTag(parse.lexemeId(), parse.tag()), parse);
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * A known word after a hyphen, else after the shortest unknown prefix of up to five letters, else the
     * paradigm its ending suggests.
     */
    private List<Parse> guesses(String word) {
        int hyphen = word.lastIndexOf('-');
        if (hyphen > 0) {
            List<Parse> parses = guessWithPrefix(word, word.substring(0, hyphen + 1));
            if (!parses.isEmpty()) {
                return parses;
            }
        }
        for (int length = 1; length <= MAX_GUESSED_PREFIX && word.length() - length >= MIN_GUESSED_REMAINDER;
                length++) {
            List<Parse> parses = guessWithPrefix(word, word.substring(0, length));
            if (!parses.isEmpty()) {
                return parses;
            }
        }
        return dedupe(suffixGuesser.guess(word));
    }

    private List<Parse> guessWithPrefix(String word, String prefix) {
        List<Entry> productive = readings(word.substring(prefix.length())).stream()
                .filter(reading -> AotTags.isProductive(reading.tag()))
                .toList();
        return parses(word, prefix, productive);
    }

    /** pymorphy2's tags for tokens that are not Russian words. */
    private static Tag markerFor(String token) {
        if (INTEGER.matcher(token).matches()) {
            return Tag.marker("NUMB", "intg");
        }
        if (REAL.matcher(token).matches()) {
            return Tag.marker("NUMB", "real");
        }
        if (LATIN.matcher(token).matches()) {
            return Tag.marker("LATN");
        }
        if (PUNCTUATION.matcher(token).matches()) {
            return Tag.marker("PNCT");
        }
        return Tag.marker("UNKN");
    }
}

package org.breadbot.processor.morph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * LanguageTool's Russian dictionaries (AOT data, LGPL, shipped in {@code org.languagetool:language-ru}) read with
 * morfologik: the tagging dictionary maps a word form to (lemma, AOT tag), the synthesis dictionary maps
 * {@code lemma|tag} to forms. Only the data is used; LanguageTool's own classes would pull in languagetool-core.
 * Thread-safe: morfologik lookups are not, so each call uses its own lookup object (they are cheap wrappers).
 */
final class AotDictionary {

    private static final String RESOURCES = "/org/languagetool/resource/ru/";
    private static final char LEMMA_TAG_SEPARATOR = '|';

    /** One dictionary entry: for analysis {@code text} is the lemma, for synthesis it is the form. */
    record Entry(String text, String tag) {
    }

    private final Dictionary tagging;
    private final Dictionary synthesis;
    private final Charset synthesisCharset;

    private AotDictionary(Dictionary tagging, Dictionary synthesis) {
        this.tagging = tagging;
        this.synthesis = synthesis;
        this.synthesisCharset = Charset.forName(synthesis.metadata.getEncoding());
    }

    /** Loads both dictionaries from the class path (about 4 MB, a few hundred milliseconds). */
    static AotDictionary load() {
        return new AotDictionary(read("russian.dict"), read("russian_synth.dict"));
    }

    private static Dictionary read(String name) {
        URL url = AotDictionary.class.getResource(RESOURCES + name);
        if (url == null) {
            throw new IllegalStateException("Russian dictionary " + name + " is not on the class path (language-ru)");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Russian dictionary " + name, e);
        }
    }

    /** Every (lemma, tag) reading of an exact lower-case form, in dictionary order. */
    List<Entry> readings(String form) {
        List<Entry> entries = new ArrayList<>();
        for (WordData data : new DictionaryLookup(tagging).lookup(form)) {
            entries.add(new Entry(data.getStem().toString(), data.getTag() == null ? "" : data.getTag().toString()));
        }
        return entries;
    }

    /** Every (form, tag) the synthesis dictionary knows for a lemma, over all its homonymous lexemes. */
    List<Entry> paradigm(String lemma) {
        List<Entry> entries = new ArrayList<>();
        DictionaryLookup lookup = new DictionaryLookup(synthesis);
        for (String tag : synthesisTags(lemma)) {
            for (WordData data : lookup.lookup(lemma + LEMMA_TAG_SEPARATOR + tag)) {
                entries.add(new Entry(data.getStem().toString(), tag));
            }
        }
        return entries;
    }

    /** Walks the automaton below {@code lemma|}: every path there starts with one of the lemma's tags. */
    private Set<String> synthesisTags(String lemma) {
        byte[] prefix = (lemma + LEMMA_TAG_SEPARATOR).getBytes(synthesisCharset);
        MatchResult match = new FSATraversal(synthesis.fsa).match(prefix);
        Set<String> tags = new LinkedHashSet<>();
        if (match.kind != MatchResult.SEQUENCE_IS_A_PREFIX) {
            return tags;
        }
        byte separator = synthesis.metadata.getSeparator();
        for (ByteBuffer path : synthesis.fsa.getSequences(match.node)) {
            byte[] bytes = new byte[path.remaining()];
            path.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != separator) {
                end++;
            }
            tags.add(new String(bytes, 0, end, synthesisCharset));
        }
        return tags;
    }
}

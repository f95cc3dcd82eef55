package org.breadbot.processor.morph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.BufferUtils;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.ISequenceEncoder;
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

    /**
     * Every (form, tag) the synthesis dictionary knows for a lemma, over all its homonymous lexemes: one walk of
     * the automaton below {@code lemma|}. Each path there is {@code TAG}, separator, the form encoded against
     * {@code lemma|TAG}, separator (and an empty tag), which is decoded the way {@link DictionaryLookup} does.
     */
    List<Entry> paradigm(String lemma) {
        byte[] prefix = (lemma + LEMMA_TAG_SEPARATOR).getBytes(synthesisCharset);
        MatchResult match = new FSATraversal(synthesis.fsa).match(prefix);
        List<Entry> entries = new ArrayList<>();
        if (match.kind != MatchResult.SEQUENCE_IS_A_PREFIX) {
            return entries;
        }
        byte separator = synthesis.metadata.getSeparator();
        ISequenceEncoder encoder = synthesis.metadata.getSequenceEncoderType().get();
        ByteBuffer decoded = ByteBuffer.allocate(64);
        for (ByteBuffer path : synthesis.fsa.getSequences(match.node)) {
            byte[] bytes = new byte[path.remaining()];
            path.get(bytes);
            int tagEnd = indexOf(bytes, separator, 0);
            int encodedStart = tagEnd + 1;
            int encodedEnd = indexOf(bytes, separator, Math.min(bytes.length, encodedStart + encoder.prefixBytes()));
            if (encodedStart > bytes.length) {
                continue;
            }
            ByteBuffer source = ByteBuffer.allocate(prefix.length + tagEnd).put(prefix).put(bytes, 0, tagEnd).flip();
            // encoders read the instructions from index 0, so the slice must be a buffer of its own
            ByteBuffer encoded = ByteBuffer.wrap(Arrays.copyOfRange(bytes, encodedStart, encodedEnd));
            decoded = encoder.decode(decoded, source, encoded);
            entries.add(new Entry(BufferUtils.toString(decoded, synthesisCharset),
                    new String(bytes, 0, tagEnd, synthesisCharset)));
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != value) {
            i++;
        }
        return i;
    }
}

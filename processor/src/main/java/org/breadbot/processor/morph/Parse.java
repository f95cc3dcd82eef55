package org.breadbot.processor.morph;

import java.util.Locale;
import java.util.Objects;

/**
 * One analysis of a word: its lemma, its tag and a relative score (the parses of a word sum to 1, best first).
 * It also remembers where it came from, so {@link RussianMorphology#lexeme(Parse)} can enumerate its lexeme.
 */
public final class Parse {

    private final String word;
    private final String lemma;
    private final Tag tag;
    private final double score;
    private final LexemeId lexemeId;

    Parse(String word, String lemma, Tag tag, double score, LexemeId lexemeId) {
        this.word = word;
        this.lemma = lemma;
        this.tag = tag;
        this.score = score;
        this.lexemeId = lexemeId;
    }

    /** The analysed word, lower-case. */
    public String word() {
        return word;
    }

    /** The dictionary form (nominative singular, infinitive, ...), lower-case. */
    public String lemma() {
        return lemma;
    }

    public Tag tag() {
        return tag;
    }

    public double score() {
        return score;
    }

    LexemeId lexemeId() {
        return lexemeId;
    }

    Parse withScore(double newScore) {
        return new Parse(word, lemma, tag, newScore, lexemeId);
    }

    /**
     * Identifies a lexeme: the dictionary lemma and the lexeme class of its tags (homonyms such as голова "head"
     * and голова "mayor" share a lemma but not a class). A guess for an unknown word borrows a known lexeme and
     * rewrites each of its forms: the known stem ({@code ""} for a prefix guess) is replaced by the word's own.
     * A word outside the dictionary and without a guess has no lexeme.
     */
    record LexemeId(String dictionaryLemma, String lexemeClass, String knownStem, String ownStem) {

        static LexemeId none() {
            return new LexemeId(null, null, "", "");
        }

        boolean inDictionary() {
            return dictionaryLemma != null;
        }

        /** The word's form for a dictionary form of the borrowed lexeme, or null where the stems differ. */
        String apply(String dictionaryForm) {
            if (!dictionaryForm.startsWith(knownStem)) {
                return null;
            }
            return ownStem + dictionaryForm.substring(knownStem.length());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parse that && word.equals(that.word) && lemma.equals(that.lemma)
                && tag.equals(that.tag) && lexemeId.equals(that.lexemeId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(word, lemma, tag, lexemeId);
    }

    @Override
    public String toString() {
        return word + " → " + lemma + " " + tag + String.format(Locale.ROOT, " (%.3f)", score);
    }
}

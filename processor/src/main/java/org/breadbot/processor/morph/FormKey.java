package org.breadbot.processor.morph;

/**
 * The grammatical slot of a form that the nonsense generator keeps when it swaps words (spec §6.2): part of
 * speech, case, number, gender, tense, person; an absent category is {@code null}.
 */
public record FormKey(String pos, String grammaticalCase, String number, String gender, String tense, String person) {

    /** Words without a part of speech (numbers, Latin, punctuation) are never swapped. */
    public boolean swappable() {
        return pos != null;
    }
}

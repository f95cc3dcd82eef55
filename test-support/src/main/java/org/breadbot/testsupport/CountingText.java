package org.breadbot.testsupport;

/**
 * A text that counts how often its characters are read, for tests that prove a text operation linear without
 * timing it: a linear pass reads each character a few times, a quadratic one about as often as the text is long.
 */
public final class CountingText implements CharSequence {

    private final String text;
    private long reads;

    public CountingText(String text) {
        this.text = text;
    }

    /** {@code unit} repeated until the text has {@code length} characters (cut to fit). */
    public static CountingText repeated(String unit, int length) {
        return new CountingText(unit.repeat(length / unit.length() + 1).substring(0, length));
    }

    /** Character reads so far, through {@link #charAt} (also the reads of sub-sequences taken from this text). */
    public long reads() {
        return reads;
    }

    /** Reads per character: at most a small constant for an operation linear in the text's length. */
    public double readsPerCharacter() {
        return text.isEmpty() ? 0 : (double) reads / text.length();
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        reads++;
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        reads += end - start;
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        reads += text.length();
        return text;
    }
}

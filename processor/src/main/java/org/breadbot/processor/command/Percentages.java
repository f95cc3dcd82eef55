package org.breadbot.processor.command;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The value of {@code процент} and {@code процент бреда}: a whole number from 0 to 100 (spec §4.2.6). */
final class Percentages {

    static final String INVALID = "Некорректное значение. Необходимо ввести число от 0 до 100";

    /** What Python's {@code int()} accepted in the original, minus exotic digits: an optional sign, then digits. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,9}");

    private Percentages() {
    }

    /** The percentage, or empty when the text is not a whole number in 0..100 ({@code abc}, {@code 0.11}, {@code 101}). */
    static OptionalInt parse(String text) {
        String value = Texts.strip(text);
        if (!INTEGER.matcher(value).matches()) {
            return OptionalInt.empty();
        }
        int percent = Integer.parseInt(value);
        return percent >= 0 && percent <= 100 ? OptionalInt.of(percent) : OptionalInt.empty();
    }
}

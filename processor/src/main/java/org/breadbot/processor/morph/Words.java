package org.breadbot.processor.morph;

import java.util.Locale;
import java.util.regex.Pattern;

/** Spelling normalisation shared by the analyser and its callers. */
final class Words {

    /** Stress marks people paste from dictionaries (пра́вда). */
    private static final Pattern STRESS = Pattern.compile("[\u0300\u0301]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private Words() {
    }

    /** Lower-case, trimmed, without stress marks. */
    static String normalise(String word) {
        return STRESS.matcher(word.strip()).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static boolean isPhrase(String text) {
        return WHITESPACE.matcher(text).find();
    }

    static String withoutYo(String word) {
        return word.replace('ё', 'е');
    }

    /** How many grammemes two tags share: pymorphy2's measure for picking the closest inflection. */
    static int shared(Tag one, Tag other) {
        int count = one.pos() != null && one.pos().equals(other.pos()) ? 1 : 0;
        for (String grammeme : one.lexemeGrammemes()) {
            count += other.has(grammeme) ? 1 : 0;
        }
        for (String grammeme : one.formGrammemes()) {
            count += other.has(grammeme) ? 1 : 0;
        }
        return count;
    }
}

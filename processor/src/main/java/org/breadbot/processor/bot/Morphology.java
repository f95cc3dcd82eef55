package org.breadbot.processor.bot;

import java.util.Set;

/**
 * Word forms for substring matching (spec §5.5 step 3). The real analyser comes with the morphology work; until
 * then {@link #identity()} keeps matching to the exact word.
 */
public interface Morphology {

    /** Every form of the lexeme of the word's most probable analysis, lower-cased; at least the word itself. */
    Set<String> forms(String word);

    /** A morphology that knows no inflection. */
    static Morphology identity() {
        return Set::of;
    }
}

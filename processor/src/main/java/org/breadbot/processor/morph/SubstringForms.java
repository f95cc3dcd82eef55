package org.breadbot.processor.morph;

import java.util.Set;
import org.breadbot.processor.bot.Morphology;
import org.springframework.stereotype.Component;

/** Plugs the analyser into substring matching (spec §5.5 step 3) through the bot's {@link Morphology} seam. */
@Component
class SubstringForms implements Morphology {

    private final RussianMorphology morphology;

    SubstringForms(RussianMorphology morphology) {
        this.morphology = morphology;
    }

    @Override
    public Set<String> forms(String word) {
        return morphology.forms(word);
    }
}

package org.breadbot.processor.bot;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.ReactionType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds the substring answers a text hits (spec §5.5 steps 2–5), without any chance gate. */
@Component
public class SubstringMatcher {

    /** Forms shorter than this never match, the key itself included (spec §5.5 step 3). */
    static final int MIN_FORM_LENGTH = 3;

    private final AnswerEntityStore entities;
    private final Morphology morphology;

    SubstringMatcher(AnswerEntityStore entities, ObjectProvider<Morphology> morphology) {
        this.entities = entities;
        this.morphology = morphology.getIfAvailable(Morphology::identity);
    }

    /** Every substring entity of the pack whose key, or a form of it, stands space-delimited in the text. */
    public Mono<List<AnswerEntity>> answersFor(AnswerPack pack, String text) {
        String padded = " " + text.toLowerCase(Locale.ROOT) + " ";
        return entities.keys(pack.id(), ReactionType.SUBSTRING)
                .filter(key -> matches(key, padded))
                .collect(Collectors.toSet())
                .flatMap(keys -> entities.byKeys(pack.id(), ReactionType.SUBSTRING, keys).collectList());
    }

    private boolean matches(String key, String padded) {
        if (key.length() >= MIN_FORM_LENGTH && padded.contains(" " + key + " ")) {
            return true;
        }
        Set<String> forms = morphology.forms(key);
        return forms.stream()
                .filter(form -> form.length() >= MIN_FORM_LENGTH)
                .anyMatch(form -> padded.contains(" " + form + " "));
    }
}

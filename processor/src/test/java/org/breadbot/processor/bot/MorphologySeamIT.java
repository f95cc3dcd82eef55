package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Substring matching through a {@link Morphology} bean (spec §5.5 step 3) and the silence rule of §2.6, with a
 * stub analyser: the real one comes with the morphology work.
 */
@Import(MorphologySeamIT.StubMorphology.class)
class MorphologySeamIT extends BotScenarioSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class StubMorphology {

        @Bean
        Morphology morphology() {
            return word -> switch (word) {
                case "слово" -> Set.of("слово", "слова", "слову", "словом", "слове", "слов", "словам", "словами",
                        "словах");
                case "кот" -> Set.of("кот", "ко");  // a form shorter than three characters never matches
                case "boom" -> throw new IllegalStateException("analyser broke");
                default -> Set.of(word);
            };
        }
    }

    @Test
    void scenario044_anInflectedFormOfTheKeyMatches() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "слово", "concrete_value");

        assertThat(texts(Updates.text("I finding слову in message").inGroup(group))).containsExactly("concrete_value");
        assertThat(texts(Updates.text("I finding СЛОВАМИ in message").inGroup(group))).containsExactly("concrete_value");
    }

    @Test
    void formsShorterThanThreeCharactersAreIgnored() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "кот", "мяу");

        assertThat(send(Updates.text("ко ко ко").inGroup(group))).isEmpty();
        assertThat(texts(Updates.text("вот кот").inGroup(group))).containsExactly("мяу");
    }

    @Test
    void aFailingHandlerLeavesTheBotSilentButKeepsTheRegistration() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "boom", "never");
        var sender = TestUsers.user(7001, "Сапёр", null, "sapper7001");

        assertThat(send(Updates.text("anything at all").inGroup(group).from(sender))).isEmpty();
        assertThat(DB.query("SELECT * FROM members WHERE member_id = 7001")).hasSize(1);
        // commands run before the failing handler and still answer
        assertThat(texts(Updates.text("Хлеб выбери да").inGroup(group).from(sender))).containsExactly("да");
    }
}

package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Substring keys match every inflected form of their lexeme (spec §5.5 step 3). */
class SubstringFormsTest {

    private final SubstringForms morphology = new SubstringForms(Dictionaries.cached());

    @Test
    void scenario044_slovoMatchesSlovu() {
        assertThat(hits("слово", "I finding слову in message")).isTrue();
    }

    @Test
    void scenario045_delayuMatchesTheParticipleDelavshiy() {
        assertThat(hits("делаю", "I finding делавший in message")).isTrue();
    }

    @Test
    void scenario046_batareykiMatchesBatareyka() {
        assertThat(hits("батарейки", "I finding батарейка in message")).isTrue();
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
            // nouns: animate, soft-sign feminine, heteroclitic, ё typed as е
            "кот, котами",
            "мышь, мышей",
            "время, времени",
            "ёлка, елки",
            "суперкот, суперкотами",
            // adjectives: gender, soft stem, animate accusative
            "красивая, красивое",
            "синий, синюю",
            "хороший, хорошего",
            // verbs: stem alternation, irregular present, suppletive past, perfective future, participle
            "писать, пишу",
            "бежать, бегут",
            "идти, шла",
            "сделал, сделаю",
            "говорил, говорящий"})
    void keyMatchesAnotherFormOfItsLexeme(String key, String form) {
        assertThat(morphology.forms(key)).contains(form);
        assertThat(hits(key, "вот " + form + " тут")).isTrue();
    }

    @Test
    void formsIncludeTheKeyItselfLowerCased() {
        assertThat(morphology.forms("Слово")).contains("слово", "словами").doesNotContain("Слово");
    }

    @Test
    void aWordOfAnotherLexemeDoesNotMatch() {
        assertThat(hits("слово", "мой словарь")).isFalse();
        assertThat(hits("кот", "большой кит")).isFalse();
    }

    @Test
    void nonDictionaryKeysExpandToThemselves() {
        assertThat(morphology.forms("my_substring_key")).containsExactly("my_substring_key");
        assertThat(morphology.forms("2022")).containsExactly("2022");
        assertThat(morphology.forms("доброе утро")).containsExactly("доброе утро");
    }

    @Test
    void emptyAndOversizedKeysAreHarmless() {
        assertThat(morphology.forms("")).containsExactly("");
        String huge = "а".repeat(10_000);
        assertThat(morphology.forms(huge)).contains(huge);
    }

    /** Spec §5.5 step 4: a form of three or more letters standing space-delimited in the lower-cased text. */
    private boolean hits(String key, String message) {
        String padded = " " + message.toLowerCase(Locale.ROOT) + " ";
        return morphology.forms(key).stream()
                .filter(form -> form.length() >= 3)
                .anyMatch(form -> padded.contains(" " + form + " "));
    }
}

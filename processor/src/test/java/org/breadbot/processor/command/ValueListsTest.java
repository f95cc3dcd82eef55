package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueListsTest {

    @Test
    void commasSplitWhenNoWordSeparatorIsPresent() {
        assertThat(ValueLists.split("1, 2, 3, 4")).containsExactly("1", "2", "3", "4");
    }

    @Test
    void илиWinsOverEverythingElse() {
        assertThat(ValueLists.split("1 или 2 или 3")).containsExactly("1", "2", "3");
        assertThat(ValueLists.split("a, b или c")).containsExactly("a, b", "c");
    }

    @Test
    void иWinsOverCommas() {
        assertThat(ValueLists.split("чай и кофе")).containsExactly("чай", "кофе");
        assertThat(ValueLists.split("привет, пока и все")).containsExactly("привет, пока", "все");
    }

    @Test
    void wordSeparatorsAreCaseSensitiveAndNeedSpaces() {
        assertThat(ValueLists.split("чай ИЛИ кофе")).containsExactly("чай ИЛИ кофе");
        assertThat(ValueLists.split("чайикофе")).containsExactly("чайикофе");
    }

    @Test
    void itemsAreTrimmedAndEmptyOnesDropped() {
        assertThat(ValueLists.split("один")).containsExactly("один");
        assertThat(ValueLists.split(" a ,, b , ")).containsExactly("a", "b");
        assertThat(ValueLists.split(" , , ")).isEmpty();
        assertThat(ValueLists.split("")).isEmpty();
    }
}

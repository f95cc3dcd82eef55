package org.breadbot.processor.morph;

/** One form of a lexeme, lower-case, with its tag. */
public record WordForm(String form, Tag tag) {
}

package org.breadbot.processor.store;

/** One text a chat taught the bot for {@code оскорби} or for edits. */
public record ChatPhrase(long id, PhraseKind kind, String text) {
}

package org.breadbot.processor.store;

/** What a chat phrase is for (table {@code chat_phrases}). */
public enum PhraseKind {
    /** Said by {@code оскорби}. */
    INSULT,
    /** Replied to an edited message while {@code редактирование} is on. */
    EDIT_ANSWER
}

package org.breadbot.processor.store;

/** How an answer entity fires: on the whole message ({@link #TRIGGER}) or on a word inside it ({@link #SUBSTRING}). */
public enum ReactionType {
    TRIGGER,
    SUBSTRING
}

package org.breadbot.processor.store;

/** What an answer entity's value holds: a text, or the Telegram file id of a medium (spec §5.3). */
public enum ContentType {
    TEXT,
    VOICE,
    PICTURE,
    ANIMATION,
    VIDEO,
    VIDEO_NOTE,
    STICKER
}

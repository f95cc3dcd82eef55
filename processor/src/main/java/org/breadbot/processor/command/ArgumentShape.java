package org.breadbot.processor.command;

/** How a command's arguments are taken from the rest text (spec §3.2). */
public enum ArgumentShape {
    /** The rest text as it is, possibly empty. */
    BARE,
    /** The rest text as a value when non-empty. */
    OPTIONAL_VALUE,
    /** A non-empty list split on {@code " или "}, {@code " и "} or {@code ","}. */
    VALUE_LIST,
    /** A parameter word, then exactly one {@code key=value}. */
    PARAMETER_KEY_VALUE,
    /** A parameter word, then whatever follows. */
    PARAMETER_REST
}

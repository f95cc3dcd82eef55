package org.breadbot.bench.workload;

/** What an update of the workload is, and whether the bot answers it (bot-behaviour.md §2.5). */
public enum UpdateKind {
    /** Ordinary chat text: no command, no trigger, no substring, and the chat's nonsense dictionary is empty. */
    PLAIN(false),
    /** The whole text equals the chat's trigger key: always answered (§5.4). */
    TRIGGER(true),
    /** The text contains a form of the chat's substring key, answer chance 100 (§5.5). */
    SUBSTRING(true),
    /** A command that always replies (§4.2). */
    COMMAND(true),
    /** Teaches the chat its trigger or substring; answered with a completion phrase (§4.2.2). */
    TEACHING(true);

    private final boolean answered;

    UpdateKind(boolean answered) {
        this.answered = answered;
    }

    /** Whether the bot sends a reply to it (once the chat has been taught). */
    public boolean answered() {
        return answered;
    }
}

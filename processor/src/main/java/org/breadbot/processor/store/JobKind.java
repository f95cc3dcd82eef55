package org.breadbot.processor.store;

/** What a background job does (spec §4.2.22–4.2.32, §8). */
public enum JobKind {
    /** A quote of the quotes provider (spec §4.2.29). */
    QUOTE,
    /** A joke of the jokes provider (spec §4.2.31). */
    JOKE,
    /** A piece of advice (spec §4.2.32). */
    ADVICE,
    /** ChatGPT's opinion, with the alias as pre-prompt (spec §4.2.22). */
    THINK,
    /** The text sent to ChatGPT as it is (spec §4.2.23). */
    FREE_PROMPT,
    /** A picture drawn from the text (spec §4.2.24). */
    IMAGINE
}

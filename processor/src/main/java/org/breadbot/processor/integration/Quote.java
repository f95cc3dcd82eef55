package org.breadbot.processor.integration;

/** A quote and its author (the author may be empty). */
record Quote(String text, String author) {
}

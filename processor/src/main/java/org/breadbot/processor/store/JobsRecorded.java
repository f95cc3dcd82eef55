package org.breadbot.processor.store;

/** Published once a transaction that recorded jobs has committed, so they can be handed off at once. */
public record JobsRecorded() {
}

package org.breadbot.processor.store;

/**
 * A recorded job not finished yet.
 *
 * @param rowId        order of recording
 * @param jobId        {@link Job#id()}
 * @param chatId       the chat, the record key on {@code telegram.jobs}
 * @param updateId     the update that asked for it
 * @param payload      the {@link Job} JSON
 * @param publications how often it was handed to {@code telegram.jobs} already
 */
public record PendingJob(long rowId, String jobId, long chatId, long updateId, String payload, int publications) {
}

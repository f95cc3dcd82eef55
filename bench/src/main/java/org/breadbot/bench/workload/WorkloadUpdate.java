package org.breadbot.bench.workload;

/**
 * One webhook update of the workload, its JSON built once.
 *
 * @param chatId    the chat it is in
 * @param messageId its {@code message_id}, increasing per chat; the bot's reply refers to it
 * @param updateId  its {@code update_id}, unique in the run
 * @param kind      what it is
 * @param body      the UTF-8 JSON Telegram would POST
 */
public record WorkloadUpdate(long chatId, int messageId, long updateId, UpdateKind kind, byte[] body) {
}

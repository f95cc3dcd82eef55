package org.breadbot.processor.pipeline;

import org.breadbot.common.telegram.Update;

/**
 * An update read from {@code telegram.updates}.
 *
 * @param updateId its {@code update_id}
 * @param chatId   the chat it belongs to (the user, or the update id, for chat-less kinds): the record key
 * @param type     the kind of update ({@code message}, {@code edited_message}, ...)
 * @param update   the bound model handed to the bot logic
 */
record IncomingUpdate(long updateId, long chatId, String type, Update update) {
}

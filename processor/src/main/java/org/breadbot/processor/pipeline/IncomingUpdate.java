package org.breadbot.processor.pipeline;

import org.breadbot.common.telegram.Update;

/**
 * An update read from {@code telegram.updates}.
 *
 * @param updateId its {@code update_id}
 * @param chatId   the chat it belongs to (the user, or the update id, for chat-less kinds): the record key
 * @param type     the kind of update ({@code message}, {@code edited_message}, ...)
 * @param update   the bound model handed to the bot logic
 * @param carried  what its replies carry on (trace context, receive time)
 */
record IncomingUpdate(long updateId, long chatId, String type, Update update, CarriedHeaders carried) {

    IncomingUpdate(long updateId, long chatId, String type, Update update) {
        this(updateId, chatId, type, update, CarriedHeaders.NONE);
    }

    IncomingUpdate withCarried(CarriedHeaders headers) {
        return new IncomingUpdate(updateId, chatId, type, update, headers);
    }
}

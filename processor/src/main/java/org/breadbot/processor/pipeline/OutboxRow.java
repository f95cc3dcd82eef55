package org.breadbot.processor.pipeline;

/**
 * A reply waiting in the outbox.
 *
 * @param id       outbox order: replies of one chat are published in ascending id
 * @param replyId  the reply's deterministic id ({@link org.breadbot.common.reply.ReplyCommand#idFor})
 * @param chatId   the chat it goes to: the record key on {@code telegram.replies}
 * @param updateId the update that caused it
 * @param payload  the ReplyCommand JSON
 * @param carried  headers carried on from the update (trace context, receive time)
 */
record OutboxRow(long id, String replyId, long chatId, long updateId, String payload, CarriedHeaders carried) {

    OutboxRow(long id, String replyId, long chatId, long updateId, String payload) {
        this(id, replyId, chatId, updateId, payload, CarriedHeaders.NONE);
    }
}

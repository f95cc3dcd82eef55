package org.breadbot.processor.pipeline;

import java.util.List;
import org.breadbot.common.telegram.Update;
import reactor.core.publisher.Mono;

/**
 * The bot's logic as the pipeline sees it: one update in, its replies out, in order.
 *
 * <p>The pipeline calls it inside the R2DBC transaction that also records the update as processed and stores
 * the replies in the outbox, so everything the handler writes through R2DBC commits with them or not at all.
 * It is called at most once per update id that commits; it must not call the Bot API or Kafka itself.
 */
public interface UpdateHandler {

    /**
     * Applies the update's effects and returns the replies to send, in the order they must arrive. Work that
     * computes for long without waiting calls {@link Budget#check()} as it goes.
     */
    Mono<List<Answer>> handle(Update update, Budget budget);

    /** {@link #handle(Update, Budget)} without a time limit. */
    default Mono<List<Answer>> handle(Update update) {
        return handle(update, Budget.unlimited());
    }

    /**
     * What the chat is told when the update was given up for taking longer than its budget: a short apology if it
     * asked the bot for something, else nothing. Computed without the database, which may be what was slow.
     */
    default List<Answer> overBudget(Update update) {
        return List.of();
    }
}

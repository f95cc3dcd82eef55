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

    /** Applies the update's effects and returns the replies to send, in the order they must arrive. */
    Mono<List<Answer>> handle(Update update);
}

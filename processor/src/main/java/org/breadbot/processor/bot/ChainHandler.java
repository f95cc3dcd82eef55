package org.breadbot.processor.bot;

import org.breadbot.common.telegram.Message;
import reactor.core.publisher.Mono;

/**
 * One step of the handler chain (spec §2.5). Beans are run in {@link org.springframework.core.annotation.Order}
 * order until one does not pass.
 */
public interface ChainHandler {

    int COMMANDS = 100;
    int TRIGGERS = 200;
    int SUBSTRINGS = 300;
    int MORPH = 400;

    Mono<HandlerResult> handle(MessageContext context);

    /** True when the message asks the bot for something this handler would answer (it addresses the bot). */
    default boolean isAddressedBy(Message message) {
        return false;
    }
}

package org.breadbot.processor.bot;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The slot of the automatic nonsense reply (spec §2.5 handler 4, §6.4). It passes until the morphology work
 * brings the generator; it will then run on edits and captions too.
 */
@Component
@Order(ChainHandler.MORPH)
class MorphHandler implements ChainHandler {

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        return Mono.just(HandlerResult.pass());
    }
}

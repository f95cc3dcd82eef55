package org.breadbot.processor.bot;

import java.util.List;
import java.util.Locale;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.ReactionType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers when the whole message equals a trigger key; no chance gate (spec §5.4). */
@Component
@Order(ChainHandler.TRIGGERS)
class TriggerHandler implements ChainHandler {

    private final AnswerEntityStore entities;
    private final BotProperties properties;
    private final RandomSource random;

    TriggerHandler(AnswerEntityStore entities, BotProperties properties, RandomSource random) {
        this.entities = entities;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        if (context.text().isEmpty() || context.isEdit() || context.pack() == null
                || !properties.answersAutomatically(context.sender())) {
            return Mono.just(HandlerResult.pass());
        }
        String key = context.text().toLowerCase(Locale.ROOT);
        return entities.byKey(context.pack().id(), ReactionType.TRIGGER, key)
                .collectList()
                .map(answers -> answerWithOneOf(answers, context));
    }

    private HandlerResult answerWithOneOf(List<AnswerEntity> answers, MessageContext context) {
        if (answers.isEmpty()) {
            return HandlerResult.pass();
        }
        AnswerEntity chosen = random.pick(answers);
        return HandlerResult.answered(EntityAnswers.toAnswer(chosen, context.chatId(), context.messageId()));
    }
}

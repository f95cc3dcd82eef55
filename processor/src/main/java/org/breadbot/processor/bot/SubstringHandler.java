package org.breadbot.processor.bot;

import java.util.List;
import org.breadbot.processor.store.AnswerEntity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers when a substring key appears as a word of the message, with the pack's answer chance (spec §5.5). */
@Component
@Order(ChainHandler.SUBSTRINGS)
class SubstringHandler implements ChainHandler {

    private final SubstringMatcher matcher;
    private final BotProperties properties;
    private final RandomSource random;

    SubstringHandler(SubstringMatcher matcher, BotProperties properties, RandomSource random) {
        this.matcher = matcher;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        if (context.text().isEmpty() || context.isEdit() || context.pack() == null
                || !chanceAllows(context.pack().answerChance())
                || !properties.answersAutomatically(context.sender())) {
            return Mono.just(HandlerResult.pass());
        }
        return matcher.answersFor(context.pack(), context.text(), context.budget())
                .map(answers -> answerWithOneOf(answers, context));
    }

    /** The original's gate: {@code random() <= chance / 100}, so chance 0 is "practically never". */
    private boolean chanceAllows(int chance) {
        return random.nextDouble() <= chance / 100.0;
    }

    private HandlerResult answerWithOneOf(List<AnswerEntity> answers, MessageContext context) {
        if (answers.isEmpty()) {
            return HandlerResult.pass();
        }
        AnswerEntity chosen = random.pick(answers);
        return HandlerResult.answered(EntityAnswers.toAnswer(chosen, context.chatId(), context.messageId()));
    }
}

package org.breadbot.processor.bot;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.pipeline.Budget;
import org.breadbot.processor.pipeline.OverBudgetException;
import org.breadbot.processor.pipeline.UpdateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bot as the pipeline sees it: registration (spec §2.4), then the handler chain (§2.5) with its error rules
 * (§2.6), then long texts split for sending (§2.7).
 */
@Component
class BotUpdateHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(BotUpdateHandler.class);

    /** The answer to a request given up for taking longer than its time budget. */
    static final String TOO_HEAVY = "Слишком тяжёлый запрос: я не справился с ним за отведённое время";

    private final Registration registration;
    private final MembershipChanges membershipChanges;
    private final ChatMigrations migrations;
    private final List<ChainHandler> chain;
    private final BotProperties properties;
    private final Clock clock;

    BotUpdateHandler(Registration registration, MembershipChanges membershipChanges, ChatMigrations migrations,
            List<ChainHandler> chain, BotProperties properties, ObjectProvider<Clock> clock) {
        this.registration = registration;
        this.membershipChanges = membershipChanges;
        this.migrations = migrations;
        this.chain = List.copyOf(chain);
        this.properties = properties;
        // UTC, like the pipeline: the "timestamp without time zone" columns then never jump at a DST change
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public Mono<List<Answer>> handle(Update update, Budget budget) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (membershipChanges.isMembershipChange(update)) {
            return membershipChanges.apply(update, now).thenReturn(List.of());
        }
        if (migrations.isMigration(update)) {
            return migrations.apply(update).thenReturn(List.of());
        }
        Message message = update.effectiveMessage();
        if (message == null || message.from() == null || message.chat() == null) {
            return Mono.just(List.of());
        }
        return registration.register(update, message, now, budget)
                .flatMap(context -> runChain(context).map(result -> answers(result, context)));
    }

    /** A new message that addressed the bot is told it was too heavy; anything else gets no answer. */
    @Override
    public List<Answer> overBudget(Update update) {
        Message message = update.effectiveMessage();
        if (message == null || message.chat() == null || update.isEdit()
                || chain.stream().noneMatch(handler -> handler.isAddressedBy(message))) {
            return List.of();
        }
        return List.of(Answer.text(message.chat().id(), TOO_HEAVY, message.messageId()));
    }

    private Mono<HandlerResult> runChain(MessageContext context) {
        return Flux.fromIterable(chain)
                .concatMap(handler -> Mono.defer(() -> {
                            context.budget().check();
                            return handler.handle(context);
                        })
                        .onErrorResume(BotUpdateHandler::isBotFailure, error -> silence(handler, context, error)))
                .filter(result -> !(result instanceof HandlerResult.Pass))
                .next()
                .defaultIfEmpty(HandlerResult.pass());
    }

    /**
     * A database failure goes up to the pipeline, whose transaction is lost anyway, and so does running out of the
     * update's time budget; any other failure (a bug, a provider answering garbage) is logged and the bot stays
     * silent (spec §2.6).
     */
    private static boolean isBotFailure(Throwable error) {
        return !(error instanceof DataAccessException) && !(error instanceof OverBudgetException);
    }

    /** Logs in a handle operator, which puts the update's MDC entries on this thread meanwhile. */
    private static Mono<HandlerResult> silence(ChainHandler handler, MessageContext context, Throwable error) {
        return Mono.just(HandlerResult.silent()).handle((silent, sink) -> {
            log.error("{} failed on update {}; staying silent", handler.getClass().getSimpleName(),
                    context.update().updateId(), error);
            sink.next(silent);
        });
    }

    private List<Answer> answers(HandlerResult result, MessageContext context) {
        if (result instanceof HandlerResult.Answered answered) {
            return splitTexts(answered.answers());
        }
        if (result instanceof HandlerResult.UserError error && !context.isEdit()) {
            return splitTexts(List.of(context.replyText(error.text())));
        }
        return List.of();
    }

    private List<Answer> splitTexts(List<Answer> answers) {
        List<Answer> split = new ArrayList<>();
        for (Answer answer : answers) {
            // A text with entities (mentions) was laid out by its command: cutting it would misplace them.
            if (answer.method() != ReplyMethod.SEND_MESSAGE || answer.entities() != null) {
                split.add(answer);
                continue;
            }
            String text = answer.text() == null ? "" : answer.text();
            for (String part : AnswerSplitter.split(text, properties.messageLenLimit())) {
                split.add(new Answer(answer.chatId(), answer.method(), part, answer.fileId(), answer.caption(),
                        answer.replyToMessageId(), answer.parseMode(), answer.entities()));
            }
        }
        return split;
    }
}

package org.breadbot.processor.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.common.reply.ReplyCommand;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies updates exactly once in effect and hands their replies to Kafka, a consumer's batch at a time.
 *
 * <ol>
 *   <li>{@link #apply}: in one transaction per update, mark it processed, or stop if it already was; run the bot
 *       logic, whose writes join the transaction; store its replies in the outbox.</li>
 *   <li>{@link #flush}: once per batch, publish the outbox rows of every chat the batch touched, in id order, and
 *       delete them once acknowledged; only then are the batch's offsets committed.</li>
 * </ol>
 * A crash before an update's commit leaves nothing behind; after it, the outbox still holds the replies, which the
 * redelivered batch's flush (its record is then a duplicate, but its chat is still flushed) or the relay publishes.
 * A chat's rows always leave in id order, whoever publishes them, so rows left behind by a crash go out before the
 * chat's newer ones without a flush before each update.
 */
final class UpdatePipeline {

    private final ProcessedUpdates processedUpdates;
    private final Outbox outbox;
    private final OutboxFlusher flusher;
    private final UpdateHandler handler;
    private final TransactionalOperator transactions;
    private final Clock clock;

    UpdatePipeline(ProcessedUpdates processedUpdates, Outbox outbox, OutboxFlusher flusher, UpdateHandler handler,
            TransactionalOperator transactions, Clock clock) {
        this.processedUpdates = processedUpdates;
        this.outbox = outbox;
        this.flusher = flusher;
        this.handler = handler;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Applies the update in its own transaction; its replies wait in the outbox for {@link #flush}. */
    Mono<Outcome> apply(IncomingUpdate update) {
        return processedUpdates.markProcessed(update.updateId(), update.chatId())
                .flatMap(first -> first ? handleAndStore(update) : Mono.just(Outcome.duplicate()))
                .as(transactions::transactional);
    }

    /** Publishes everything pending for the chats; returns how many replies. */
    Mono<Integer> flush(Collection<Long> chats) {
        return flusher.flushChats(chats);
    }

    private Mono<Outcome> handleAndStore(IncomingUpdate update) {
        return Mono.defer(() -> handler.handle(update.update()))
                .defaultIfEmpty(List.of())
                .map(answers -> replies(update, answers))
                .flatMap(replies -> outbox.store(replies, update.carried())
                        .thenReturn(Outcome.applied(chatsOf(replies))));
    }

    private List<ReplyCommand> replies(IncomingUpdate update, List<Answer> answers) {
        List<ReplyCommand> replies = new ArrayList<>(answers.size());
        for (int position = 0; position < answers.size(); position++) {
            replies.add(reply(update, answers.get(position), position));
        }
        return replies;
    }

    private ReplyCommand reply(IncomingUpdate update, Answer answer, int position) {
        return new ReplyCommand(
                ReplyCommand.idFor(update.chatId(), update.updateId(), position),
                answer.chatId(),
                answer.method(),
                answer.text(),
                answer.fileId(),
                answer.caption(),
                answer.replyToMessageId(),
                answer.parseMode(),
                answer.entities(),
                update.updateId(),
                clock.instant());
    }

    private static Set<Long> chatsOf(List<ReplyCommand> replies) {
        Set<Long> chats = new LinkedHashSet<>();
        replies.forEach(reply -> chats.add(reply.chatId()));
        return chats;
    }
}

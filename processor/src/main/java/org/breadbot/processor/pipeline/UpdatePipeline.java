package org.breadbot.processor.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.common.reply.ReplyCommand;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies one update exactly once in effect and hands its replies to Kafka.
 *
 * <ol>
 *   <li>Flush what is still pending for the chat (a crash after an earlier commit), so that chat order holds.</li>
 *   <li>In one transaction: mark the update processed, or stop if it already was; run the bot logic, whose writes
 *       join the transaction; store its replies in the outbox.</li>
 *   <li>Publish the new replies and delete them once acknowledged.</li>
 * </ol>
 * A crash before step 2 commits leaves nothing behind; after it, the outbox still holds the replies, which the
 * redelivered record (step 1) or the relay publishes.
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

    Mono<Outcome> process(IncomingUpdate update) {
        return flusher.flushChatIfPending(update.chatId())
                .then(applyOnce(update))
                .flatMap(outcome -> flusher.flushChats(outcome.replyChats()).thenReturn(outcome));
    }

    private Mono<Outcome> applyOnce(IncomingUpdate update) {
        return processedUpdates.markProcessed(update.updateId(), update.chatId())
                .flatMap(first -> first ? handleAndStore(update) : Mono.just(Outcome.duplicate()))
                .as(transactions::transactional);
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

package org.breadbot.processor.pipeline;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.telegram.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

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

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();
    /** Ends the ids of the replies to an update given up for being over its budget. */
    static final String OVER_BUDGET_SUFFIX = ":over-budget";

    private final ProcessedUpdates processedUpdates;
    private final Outbox outbox;
    private final OutboxFlusher flusher;
    private final UpdateHandler handler;
    private final TransactionalOperator transactions;
    private final Clock clock;
    /** Null but in the fault suite's mutation check. */
    private final OutboxBypass bypass;

    /** @param bypass the fault suite's mutation check that skips the outbox, or null */
    UpdatePipeline(ProcessedUpdates processedUpdates, Outbox outbox, OutboxFlusher flusher, UpdateHandler handler,
            TransactionalOperator transactions, Clock clock, OutboxBypass bypass) {
        this.processedUpdates = processedUpdates;
        this.outbox = outbox;
        this.flusher = flusher;
        this.handler = handler;
        this.transactions = transactions;
        this.clock = clock;
        this.bypass = bypass;
    }

    /**
     * Applies the update in its own transaction; its replies wait in the outbox for {@link #flush}. The update's
     * work inside the transaction has {@code budget}: past it the work is cancelled, the transaction rolled back and
     * {@link OverBudgetException} signalled.
     */
    Mono<Outcome> apply(IncomingUpdate update, Duration budget) {
        return applyWithin(update, () -> Budget.of(budget));
    }

    /** {@link #apply(IncomingUpdate, Duration)} without a time limit. */
    Mono<Outcome> apply(IncomingUpdate update) {
        return applyWithin(update, Budget::unlimited);
    }

    /** The budget starts once the transaction has begun: waiting for a connection is not the update's doing. */
    private Mono<Outcome> applyWithin(IncomingUpdate update, Supplier<Budget> budget) {
        Mono<Outcome> transaction = Mono.defer(() -> withinBudget(update, budget.get()))
                .as(transactions::transactional);
        return bypass == null ? transaction : bypass.publishAfterCommit(update, transaction);
    }

    private Mono<Outcome> withinBudget(IncomingUpdate update, Budget budget) {
        Mono<Outcome> work = inUpdateMdc(() -> processedUpdates.markProcessed(update.updateId(), update.chatId()))
                .flatMap(first -> first ? handleAndStore(update, budget) : Mono.just(Outcome.duplicate()));
        if (budget.isUnlimited()) {
            return work;
        }
        return work.doOnCancel(budget::cancel)
                .timeout(budget.limit())
                .onErrorMap(TimeoutException.class, timedOut -> budget.exceeded());
    }

    /**
     * Stores the replies the bot gives an update that was given up for being over its budget, in a transaction
     * of their own, and publishes them; the update itself stays unapplied (a re-drive of its dead letter may apply
     * it later). Their ids are {@code chat:update:over-budget:<position>}, so they never collide with the update's
     * own replies and a repeated refusal is sent once.
     */
    Mono<Integer> refuse(IncomingUpdate update) {
        List<Answer> answers = handler.overBudget(update.update());
        if (answers.isEmpty()) {
            return Mono.just(0);
        }
        List<ReplyCommand> replies = new ArrayList<>(answers.size());
        for (int position = 0; position < answers.size(); position++) {
            replies.add(reply(update, answers.get(position),
                    ReplyCommand.idFor(update.chatId(), update.updateId(), position) + OVER_BUDGET_SUFFIX));
        }
        return outbox.store(replies, update.carried())
                .as(transactions::transactional)
                .then(flusher.flushChats(chatsOf(replies)));
    }

    /** Publishes everything pending for the chats; returns how many replies. */
    Mono<Integer> flush(Collection<Long> chats) {
        return flusher.flushChats(chats);
    }

    private Mono<Outcome> handleAndStore(IncomingUpdate update, Budget budget) {
        return inUpdateMdc(() -> handler.handle(update.update(), budget))
                .defaultIfEmpty(List.of())
                .map(answers -> replies(update, answers))
                .flatMap(replies -> store(update, replies).thenReturn(Outcome.applied(chatsOf(replies))));
    }

    private Mono<Void> store(IncomingUpdate update, List<ReplyCommand> replies) {
        return bypass == null ? outbox.store(replies, update.carried()) : bypass.hold(update, replies);
    }

    /**
     * Subscribes to the work with the update's MDC entries, taken from the Reactor context (the listener captured
     * them), on the subscribing thread, restoring that thread's own afterwards. With context propagation
     * {@code limited} (processor.yml) nothing else puts them on the connection's event loop, where the transaction's
     * statements start: this way the statements the work issues at once log with the update's ids (spring.r2dbc
     * DEBUG); statements started later by a result do not. Restoring the MDC on every signal instead cost a sixth of
     * the JVM's CPU under load.
     */
    private static <T> Mono<T> inUpdateMdc(Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> Mono.defer(work).subscribeOn(withThreadLocalsOf(context)));
    }

    /** Runs each task at once on the calling thread, with the context's thread-local values set meanwhile. */
    private static Scheduler withThreadLocalsOf(ContextView context) {
        return Schedulers.fromExecutor(task -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                task.run();
            }
        });
    }

    private List<ReplyCommand> replies(IncomingUpdate update, List<Answer> answers) {
        List<ReplyCommand> replies = new ArrayList<>(answers.size());
        for (int position = 0; position < answers.size(); position++) {
            replies.add(reply(update, answers.get(position),
                    ReplyCommand.idFor(update.chatId(), update.updateId(), position)));
        }
        return replies;
    }

    private ReplyCommand reply(IncomingUpdate update, Answer answer, String id) {
        return new ReplyCommand(
                id,
                answer.chatId(),
                answer.method(),
                answer.text(),
                answer.fileId(),
                answer.caption(),
                answer.replyToMessageId(),
                topicOf(update, answer),
                answer.parseMode(),
                answer.entities(),
                update.updateId(),
                clock.instant());
    }

    /** An answer in the update's own chat goes to the forum topic the update came from; elsewhere, none. */
    private static Integer topicOf(IncomingUpdate update, Answer answer) {
        Message message = update.update().effectiveMessage();
        return message != null && message.chat() != null && message.chat().id() == answer.chatId()
                ? message.topicThreadId() : null;
    }

    private static Set<Long> chatsOf(List<ReplyCommand> replies) {
        Set<Long> chats = new LinkedHashSet<>();
        replies.forEach(reply -> chats.add(reply.chatId()));
        return chats;
    }
}

package org.breadbot.processor.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import reactor.core.publisher.Mono;

/**
 * The fault suite's second mutation check ({@code bread-bot.processor.outbox.mutation-bypass}), never for
 * production: an update's replies are kept in memory instead of the outbox and published once its transaction has
 * committed, the way a pipeline without an outbox would do it. A crash or a failed publish after the commit then
 * loses them, because the redelivered update is a duplicate by then and answers nothing; the suite must see that.
 */
final class OutboxBypass {

    private final Map<Long, List<OutboxRow>> held = new ConcurrentHashMap<>();
    private final ReplyPublisher publisher;

    OutboxBypass(ReplyPublisher publisher) {
        this.publisher = publisher;
    }

    /** Keeps the update's replies until its transaction has committed; stores nothing. */
    Mono<Void> hold(IncomingUpdate update, List<ReplyCommand> replies) {
        return Mono.fromRunnable(() -> held.put(update.updateId(), rows(update, replies)));
    }

    /** Runs the update's transaction, then publishes what it held; a failed publish fails the update. */
    Mono<Outcome> publishAfterCommit(IncomingUpdate update, Mono<Outcome> transaction) {
        return transaction
                .flatMap(outcome -> publishHeld(update.updateId()).thenReturn(outcome))
                .doFinally(signal -> held.remove(update.updateId()));
    }

    private Mono<Void> publishHeld(long updateId) {
        List<OutboxRow> rows = held.remove(updateId);
        return rows == null || rows.isEmpty() ? Mono.empty() : publisher.publishAll(rows);
    }

    private static List<OutboxRow> rows(IncomingUpdate update, List<ReplyCommand> replies) {
        List<OutboxRow> rows = new ArrayList<>(replies.size());
        for (ReplyCommand reply : replies) {
            rows.add(new OutboxRow(0, reply.id(), reply.chatId(), reply.updateId(),
                    Json.mapper().writeValueAsString(reply), update.carried()));
        }
        return rows;
    }
}

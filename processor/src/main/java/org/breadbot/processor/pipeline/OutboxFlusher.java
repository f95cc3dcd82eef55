package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Publishes pending outbox rows and deletes them once Kafka has acknowledged them, in one transaction that holds
 * the rows' locks throughout: two flushes never publish the same row at once, and a chat's rows go out in id
 * order. A crash between publish and delete republishes the rows later; the sender drops them by reply id.
 */
final class OutboxFlusher {

    private final Outbox outbox;
    private final ReplyPublisher publisher;
    private final TransactionalOperator transactions;

    OutboxFlusher(Outbox outbox, ReplyPublisher publisher, TransactionalOperator transactions) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /**
     * Publishes everything pending for the chats in one transaction, waiting for a concurrent flush of any of them
     * to finish first; returns how many rows.
     */
    Mono<Integer> flushChats(Collection<Long> chatIds) {
        if (chatIds.isEmpty()) {
            return Mono.just(0);
        }
        return outbox.lockChats(chatIds)
                .collectList()
                .flatMap(this::publishAndDelete)
                .as(transactions::transactional);
    }

    /**
     * Publishes rows left behind (by a crash, or a failed publish) that are older than {@code minAge}. Rows
     * locked by someone else are skipped, and so is every later row of their chat, so that order holds.
     */
    Mono<Integer> relayStale(Duration minAge, int limit) {
        return outbox.lockStale(minAge, limit)
                .collectList()
                .flatMap(this::withoutGaps)
                .flatMap(this::publishAndDelete)
                .as(transactions::transactional);
    }

    /** {@link #relayStale} batch after batch until a batch comes back short; returns how many rows in all. */
    Mono<Integer> relayAllStale(Duration minAge, int batchSize) {
        return relayStale(minAge, batchSize)
                .expand(relayed -> relayed == batchSize ? relayStale(minAge, batchSize) : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<List<OutboxRow>> withoutGaps(List<OutboxRow> held) {
        if (held.isEmpty()) {
            return Mono.just(held);
        }
        Set<Long> chats = new LinkedHashSet<>();
        held.forEach(row -> chats.add(row.chatId()));
        long maxId = held.get(held.size() - 1).id();
        return outbox.pendingIds(chats, maxId)
                .collectList()
                .map(pending -> contiguousPrefixes(held, pending));
    }

    /**
     * The held rows that are each chat's oldest pending rows without a gap. {@code held} and {@code pending}
     * are in ascending id; {@code pending} holds every pending row of those chats up to the largest held id.
     */
    static List<OutboxRow> contiguousPrefixes(List<OutboxRow> held, List<Outbox.PendingId> pending) {
        Map<Long, Deque<Long>> queues = new HashMap<>();
        pending.forEach(p -> queues.computeIfAbsent(p.chatId(), chat -> new ArrayDeque<>()).add(p.id()));
        Set<Long> blocked = new HashSet<>();
        List<OutboxRow> publishable = new ArrayList<>();
        for (OutboxRow row : held) {
            Deque<Long> queue = queues.getOrDefault(row.chatId(), new ArrayDeque<>());
            if (!blocked.contains(row.chatId()) && Objects.equals(queue.poll(), row.id())) {
                publishable.add(row);
            } else {
                blocked.add(row.chatId());
            }
        }
        return publishable;
    }

    private Mono<Integer> publishAndDelete(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        return publisher.publishAll(rows)
                .then(outbox.delete(rows.stream().map(OutboxRow::id).toList()))
                .thenReturn(rows.size());
    }
}

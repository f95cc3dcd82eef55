package org.breadbot.sender;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fences zombie senders (schema 012): a reply is claimed right before its Bot API call with the epoch of its
 * partition's owner, and the claim succeeds only while that epoch is the partition's newest. An owner takes a new
 * epoch before it claims anything, so a sender that lost its partition without noticing (paused longer than the
 * session timeout, cut off from Kafka but not from Telegram) has its claims refused once the new owner began, and
 * gives the record up instead of sending it again.
 *
 * <p>What stays open is the call itself: a reply claimed by the old owner whose call was under way when the
 * partition moved has no delivery-log row, and the new owner sends it again. That is the one case of an answer
 * never seen (telegram-bot-api.md §6.1), at most one reply per chat, since a chat's replies go one at a time.
 */
@Component
class DeliveryClaims {

    private static final Duration KEEP = Duration.ofDays(365 * 100);

    private final DatabaseClient db;
    private final boolean mutationNoClaim;
    /** The epoch taken for each owned partition, taken once however many lanes ask at once. */
    private final Map<TopicPartition, Mono<Long>> epochs = new ConcurrentHashMap<>();

    DeliveryClaims(DatabaseClient db, SenderProperties properties) {
        this.db = db;
        this.mutationNoClaim = properties.deliveryLog().mutationNoClaim();
    }

    /** This instance owns the partition anew: its next claim takes a new epoch first. */
    void owned(TopicPartition partition) {
        epochs.remove(partition);
    }

    /** Claims the reply for this owner of its partition; false when a newer owner has begun. */
    Mono<Boolean> claim(TopicPartition partition, String replyId, long chatId) {
        if (mutationNoClaim) {
            return Mono.just(true);
        }
        return epochOf(partition).flatMap(epoch -> db.sql("""
                        INSERT INTO delivery_claims (reply_id, chat_id, epoch, claimed_at)
                        SELECT :id, :chat, :epoch, now() WHERE EXISTS (SELECT 1 FROM sender_partition_epochs
                            WHERE topic = :topic AND source_partition = :partition AND epoch = :epoch)
                        ON CONFLICT (reply_id) DO UPDATE SET epoch = EXCLUDED.epoch, claimed_at = EXCLUDED.claimed_at
                            WHERE delivery_claims.epoch <= EXCLUDED.epoch
                        RETURNING reply_id""")
                .bind("id", replyId)
                .bind("chat", chatId)
                .bind("epoch", epoch)
                .bind("topic", partition.topic())
                .bind("partition", partition.partition())
                .map(row -> true)
                .one()
                .defaultIfEmpty(false));
    }

    /** The epoch this instance took for the partition, taken on first use; a failed attempt is not kept. */
    private Mono<Long> epochOf(TopicPartition partition) {
        return epochs.computeIfAbsent(partition, owned -> take(owned)
                .cache(epoch -> KEEP, failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    private Mono<Long> take(TopicPartition partition) {
        return db.sql("""
                        INSERT INTO sender_partition_epochs (topic, source_partition, epoch)
                        VALUES (:topic, :partition, nextval('sender_epochs'))
                        ON CONFLICT (topic, source_partition) DO UPDATE SET epoch = EXCLUDED.epoch
                        RETURNING epoch""")
                .bind("topic", partition.topic())
                .bind("partition", partition.partition())
                .map(row -> row.get("epoch", Long.class))
                .one();
    }
}

package org.breadbot.bench.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Decides whether a send to a chat goes through now or gets 429: a message needs a token from its chat's bucket,
 * its group's bucket (negative chat id) and the global one; a refused message takes none.
 */
final class FloodControl {

    private final TelegramLimits limits;
    private final Map<Long, TokenBucket> chats = new HashMap<>();
    private final Map<Long, TokenBucket> groups = new HashMap<>();
    private final TokenBucket global;

    FloodControl(TelegramLimits limits, long nowNanos) {
        this.limits = limits;
        this.global = limits.global() == null ? null : new TokenBucket(limits.global(), nowNanos);
    }

    /** Empty when the message may be sent (its tokens are taken), else the {@code retry_after} in seconds. */
    OptionalInt acquire(long chatId, long nowNanos) {
        if (!limits.enforced()) {
            return OptionalInt.empty();
        }
        synchronized (this) {
            TokenBucket chat = bucket(chats, limits.chat(), chatId, nowNanos);
            TokenBucket group = chatId < 0 ? bucket(groups, limits.group(), chatId, nowNanos) : null;
            int retryAfter = 0;
            for (TokenBucket bucket : new TokenBucket[] {chat, group, global}) {
                if (bucket != null && !bucket.available(nowNanos)) {
                    retryAfter = Math.max(retryAfter, bucket.retryAfterSeconds(nowNanos));
                }
            }
            if (retryAfter > 0) {
                return OptionalInt.of(retryAfter);
            }
            for (TokenBucket bucket : new TokenBucket[] {chat, group, global}) {
                if (bucket != null) {
                    bucket.take();
                }
            }
            return OptionalInt.empty();
        }
    }

    private static TokenBucket bucket(Map<Long, TokenBucket> buckets, Rate rate, long chatId, long nowNanos) {
        return rate == null ? null : buckets.computeIfAbsent(chatId, id -> new TokenBucket(rate, nowNanos));
    }
}

package org.breadbot.bench.telegram;

import java.time.Duration;
import java.util.Collection;

/**
 * The flood limits the fake Bot API enforces (telegram-bot-api.md §8.1): about one message a second per chat,
 * 20 a minute per group (negative chat id), 30 a second overall. {@link #unlimited()} enforces none.
 */
public record TelegramLimits(Rate chat, Rate group, Rate global) {

    private static final TelegramLimits UNLIMITED = new TelegramLimits(null, null, null);

    /** Telegram's documented limits, with the short bursts Telegram tolerates (the sender's defaults). */
    public static TelegramLimits telegram() {
        return new TelegramLimits(
                new Rate(1, Duration.ofSeconds(1), 3),
                new Rate(20, Duration.ofMinutes(1), 20),
                new Rate(30, Duration.ofSeconds(1), 30));
    }

    public static TelegramLimits unlimited() {
        return UNLIMITED;
    }

    public boolean enforced() {
        return chat != null || group != null || global != null;
    }

    /**
     * The most deliveries these limits allow to {@code chatIds} in {@code seconds}, all buckets full at the start:
     * each chat is held by the tighter of its chat and (for groups) group limit, and all by the global limit.
     */
    public double capacity(Collection<Long> chatIds, double seconds) {
        if (!enforced()) {
            return Double.POSITIVE_INFINITY;
        }
        double perChats = 0;
        for (long chatId : chatIds) {
            double own = chat == null ? Double.POSITIVE_INFINITY : chat.capacity(seconds);
            if (chatId < 0 && group != null) {
                own = Math.min(own, group.capacity(seconds));
            }
            perChats += own;
        }
        return global == null ? perChats : Math.min(perChats, global.capacity(seconds));
    }

    @Override
    public String toString() {
        return enforced() ? "chat " + chat + ", group " + group + ", global " + global : "unlimited";
    }
}

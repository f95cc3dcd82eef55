package org.breadbot.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.breadbot.bench.workload.WorkloadUpdate;

/**
 * When each answered update was (meant to be) posted, by chat and message id: the bot's reply refers to that
 * message ({@code reply_parameters.message_id}), so a delivery at the fake Bot API can be matched to its update.
 * Plain-text updates are not kept: nothing will refer to them.
 */
public final class SendTimes {

    private final Map<ChatMessage, Long> nanos = new ConcurrentHashMap<>();

    void record(WorkloadUpdate update, long sentNanos) {
        if (update.kind().answered()) {
            nanos.put(new ChatMessage(update.chatId(), update.messageId()), sentNanos);
        }
    }

    /** The {@link System#nanoTime()} the update was posted at, or null when it was not posted by this run. */
    public Long sentAt(long chatId, int messageId) {
        return nanos.get(new ChatMessage(chatId, messageId));
    }

    /** How many answered updates were posted at or after {@code fromNanos}. */
    public long countFrom(long fromNanos) {
        return nanos.values().stream().filter(sent -> sent >= fromNanos).count();
    }

    public int size() {
        return nanos.size();
    }

    private record ChatMessage(long chatId, int messageId) {
    }
}

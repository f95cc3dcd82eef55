package org.breadbot.bench.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.breadbot.common.telegram.User;
import org.breadbot.testsupport.Updates;

/**
 * A deterministic stream of realistic webhook updates over a {@link ChatPopulation}: the same seed gives the same
 * chats, kinds and texts (update ids differ per run so that a database is never asked to deduplicate them).
 * Not thread-safe: build the updates before a phase, not while measuring.
 */
public final class Workload {

    /** Update ids unique across every workload of this JVM and across runs (they start at the clock). */
    private static final AtomicLong UPDATE_IDS = new AtomicLong(System.currentTimeMillis() * 1_000L);

    private final ChatPopulation population;
    private final UpdateMix mix;
    private final UniformRandomProvider random;
    private final ChatPopulation.ChatSampler chats;
    private final int[] lastMessageId;
    private final long date = Instant.now().getEpochSecond();

    public Workload(ChatPopulation population, UpdateMix mix, long seed) {
        this.population = population;
        this.mix = mix;
        this.random = ChatPopulation.random(seed);
        this.chats = population.sampler(random);
        this.lastMessageId = new int[population.size()];
    }

    public ChatPopulation population() {
        return population;
    }

    /** The teaching updates of every chat, in order; the bot answers each. */
    public List<WorkloadUpdate> teaching() {
        List<WorkloadUpdate> updates = new ArrayList<>();
        for (int chat = 0; chat < population.size(); chat++) {
            for (String text : UpdateMix.teaching()) {
                updates.add(update(chat, UpdateKind.TEACHING, text));
            }
        }
        return updates;
    }

    /** The next {@code count} updates of the mix. */
    public List<WorkloadUpdate> next(int count) {
        List<WorkloadUpdate> updates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            updates.add(next());
        }
        return updates;
    }

    public WorkloadUpdate next() {
        int chat = chats.next();
        UpdateKind kind = mix.nextKind(random);
        return update(chat, kind, UpdateMix.text(kind, random));
    }

    /** Index (Zipf rank − 1) of the chat that gets the next update, without building it; for tests. */
    int nextChatIndex() {
        return chats.next();
    }

    private WorkloadUpdate update(int chatIndex, UpdateKind kind, String text) {
        Chat chat = population.chats().get(chatIndex);
        User from = chat.members().get(random.nextInt(chat.members().size()));
        int messageId = ++lastMessageId[chatIndex];
        long updateId = UPDATE_IDS.incrementAndGet();
        Updates.Builder builder = Updates.text(text).id(updateId).messageId(messageId).date(date).from(from);
        if (chat.isGroup()) {
            builder.inGroup(chat.id(), chat.title());
        }
        return new WorkloadUpdate(chat.id(), messageId, updateId, kind, builder.bytes());
    }
}

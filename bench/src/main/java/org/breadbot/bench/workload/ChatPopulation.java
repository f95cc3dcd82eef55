package org.breadbot.bench.workload;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.breadbot.common.telegram.User;

/**
 * The chats the load generator writes in, and how busy each one is: chat {@code i} (from 0) is the Zipf rank
 * {@code i + 1}, so a few chats carry most of the traffic, as in real group chats.
 */
public final class ChatPopulation {

    /** Share of the population that are private chats with the bot; the rest are groups. */
    static final double PRIVATE_SHARE = 0.1;
    static final int MEMBERS_PER_GROUP = 5;
    private static final long FIRST_USER_ID = 700_000_000L;
    private static final long FIRST_GROUP_ID = -4_000_000_000L;

    private final List<Chat> chats;
    private final double exponent;

    private ChatPopulation(List<Chat> chats, double exponent) {
        this.chats = List.copyOf(chats);
        this.exponent = exponent;
    }

    /** {@code size} chats; every tenth is private (deterministic, so the share is exact). */
    public static ChatPopulation of(int size, double zipfExponent) {
        List<Chat> chats = new ArrayList<>(size);
        long nextUser = FIRST_USER_ID;
        for (int i = 0; i < size; i++) {
            boolean isPrivate = i % Math.round(1 / PRIVATE_SHARE) == Math.round(1 / PRIVATE_SHARE) - 1;
            if (isPrivate) {
                User user = user(nextUser++);
                chats.add(new Chat(user.id(), null, List.of(user)));
            } else {
                List<User> members = new ArrayList<>(MEMBERS_PER_GROUP);
                for (int m = 0; m < MEMBERS_PER_GROUP; m++) {
                    members.add(user(nextUser++));
                }
                chats.add(new Chat(FIRST_GROUP_ID - i, "Пекарня " + i, members));
            }
        }
        return new ChatPopulation(chats, zipfExponent);
    }

    public List<Chat> chats() {
        return chats;
    }

    public int size() {
        return chats.size();
    }

    /** A sampler of chat indexes, Zipf-distributed over the population. */
    ChatSampler sampler(UniformRandomProvider random) {
        if (chats.size() == 1) {
            return () -> 0;
        }
        DiscreteSampler zipf = RejectionInversionZipfSampler.of(random, chats.size(), exponent);
        return () -> zipf.sample() - 1;
    }

    static UniformRandomProvider random(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static User user(long id) {
        return new User(id, false, "User" + id, null, "user" + id, "ru");
    }

    /** Picks the chat of the next update. */
    @FunctionalInterface
    interface ChatSampler {
        int next();
    }
}

package org.breadbot.bench.workload;

import java.util.List;
import org.breadbot.common.telegram.User;

/**
 * One chat of the simulated population.
 *
 * @param id      Telegram chat id: negative for groups, the member's user id for a private chat
 * @param title   the group title, or null for a private chat
 * @param members who writes in it (one for a private chat)
 */
public record Chat(long id, String title, List<User> members) {

    public Chat {
        members = List.copyOf(members);
    }

    public boolean isGroup() {
        return id < 0;
    }
}

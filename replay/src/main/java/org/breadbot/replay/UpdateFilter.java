package org.breadbot.replay;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Which updates of a slice the user asked for; an empty set means "any". The time range is not here: the
 * {@link TopicSlice} applies it while seeking.
 *
 * @param chats chat ids
 * @param types update types ({@code message}, {@code edited_message}, ...)
 * @param users user ids ({@code from.id})
 */
record UpdateFilter(Set<Long> chats, Set<String> types, Set<Long> users) {

    static final UpdateFilter ANY = new UpdateFilter(Set.of(), Set.of(), Set.of());

    UpdateFilter {
        chats = Set.copyOf(chats);
        types = Set.copyOf(types);
        users = Set.copyOf(users);
    }

    boolean test(UpdateRecord record) {
        return (chats.isEmpty() || contains(chats, record.chatId()))
                && (types.isEmpty() || record.updateType().filter(types::contains).isPresent())
                && (users.isEmpty() || contains(users, record.userId()));
    }

    private static boolean contains(Set<Long> ids, OptionalLong id) {
        return id.isPresent() && ids.contains(id.getAsLong());
    }
}

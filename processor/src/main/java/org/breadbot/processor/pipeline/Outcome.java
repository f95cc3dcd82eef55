package org.breadbot.processor.pipeline;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What processing one update came to.
 *
 * @param applied    true when this delivery applied it, false when it had been applied before
 * @param replyChats the chats its replies go to (empty for a duplicate)
 */
record Outcome(boolean applied, Set<Long> replyChats) {

    static Outcome applied(Set<Long> replyChats) {
        return new Outcome(true, Collections.unmodifiableSet(new LinkedHashSet<>(replyChats)));
    }

    static Outcome duplicate() {
        return new Outcome(false, Set.of());
    }
}

package org.breadbot.testsupport;

import org.breadbot.common.telegram.User;

/** Well-known Telegram users for tests; ids are stable so tests can assert on them. */
public final class TestUsers {

    public static final User ALICE = new User(1001L, false, "Alice", "Liddell", "alice", "ru");
    public static final User BOB = new User(1002L, false, "Bob", "Builder", "bob", "ru");
    public static final User CAROL = new User(1003L, false, "Carol", "Danvers", "carol", "en");

    private TestUsers() {
    }

    /** A user without last name and username, as many real accounts are. */
    public static User noUsername(long id, String firstName) {
        return new User(id, false, firstName, null, null, null);
    }

    /** Any user, fully specified. */
    public static User user(long id, String firstName, String lastName, String username) {
        return new User(id, false, firstName, lastName, username, null);
    }

    /** A bot account (Telegram normally does not deliver other bots' messages, but the field exists). */
    public static User bot(long id, String username) {
        return new User(id, true, username, null, username, null);
    }
}

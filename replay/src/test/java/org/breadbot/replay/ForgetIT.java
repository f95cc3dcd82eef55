package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator deletes one chat's or one person's data with one command. */
class ForgetIT {

    private static final long GROUP = -1_000_005_555L;
    private static final long USER = 5_555_001L;

    @Test
    void forgetChatAndForgetUserDeleteTheirRowsAndSayWhatTheyDid(@TempDir Path dir) throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        db.migrate();
        db.update("INSERT INTO chats (chat_id, name) VALUES (?, 'Пекарня'), (?, 'private')", GROUP, USER);
        db.update("INSERT INTO members (member_id, username, first_name) VALUES (?, 'baker', 'Baker')", USER);
        db.update("INSERT INTO chats_to_members (member_id, chat_id) SELECT m.id, c.id FROM members m, chats c"
                + " WHERE m.member_id = ? AND c.chat_id = ?", USER, GROUP);
        db.update("INSERT INTO outbox (reply_id, chat_id, update_id, payload) VALUES ('r1', ?, 1, '{}')", GROUP);
        Path password = Files.writeString(dir.resolve("password"), db.password() + "\n");
        String[] connection = {"--db-url", db.jdbcUrl(), "--db-user", db.user(), "--db-password-file",
            password.toString()};

        Tool.Run chat = Tool.runExactly(concat(new String[] {"forget", "chat", Long.toString(GROUP)}, connection));
        Tool.Run user = Tool.runExactly(concat(new String[] {"forget", "user", Long.toString(USER)}, connection));
        Tool.Run again = Tool.runExactly(concat(new String[] {"forget", "user", Long.toString(USER)}, connection));

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).startsWith("forgot chat " + GROUP + ": ");
        assertThat(user.out()).startsWith("forgot user " + USER + ": ");
        assertThat(again.out()).startsWith("nothing stored for user " + USER);
        assertThat(db.query("SELECT 1 FROM chats")).isEmpty();
        assertThat(db.query("SELECT 1 FROM members")).isEmpty();
        assertThat(db.query("SELECT 1 FROM outbox")).isEmpty();
    }

    @Test
    void aWrongPasswordIsAClearErrorThatDoesNotPrintIt(@TempDir Path dir) throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        Path password = Files.writeString(dir.resolve("password"), "wrong-horse-battery");

        Tool.Run run = Tool.runExactly("forget", "chat", "-1", "--db-url", db.jdbcUrl(), "--db-user", "nobody_here",
                "--db-password-file", password.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: cannot connect to ").doesNotContain("wrong-horse-battery");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

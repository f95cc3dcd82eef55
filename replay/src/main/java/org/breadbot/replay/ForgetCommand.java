package org.breadbot.replay;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.breadbot.common.secret.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Deletes one chat's or one person's data from bread-bot's database at once (docs/privacy.md), with the schema's
 * own functions, which the processor's purge of departed chats uses too. Kafka is not touched: the raw updates age
 * out with the topics' retention.
 */
@Command(name = "forget", description = {
    "Deletes one chat's or one person's data from the database at once (docs/privacy.md).",
    "Kafka is not touched: raw updates leave the topics with their retention."},
        subcommands = {ForgetCommand.Chat.class, ForgetCommand.User.class})
final class ForgetCommand {

    @Command(name = "chat", description = "A chat: its answers, packs used by it alone, member links, statistics, "
            + "dictionary, phrases, pending outbox rows and jobs, parked replies and delivery log.")
    static final class Chat implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(paramLabel = "CHAT_ID", description = "The Telegram chat id, e.g. -1001234567890.")
        long chatId;

        @Override
        public Integer call() {
            return forget(spec, database, "SELECT bread_bot_forget_chat(?)", chatId, "chat");
        }
    }

    @Command(name = "user", description = "A person: their member row, links to chats and statistics, and their "
            + "private chat with the bot (as 'forget chat' does); packs they started in groups stay there.")
    static final class User implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(paramLabel = "USER_ID", description = "The Telegram user id.")
        long userId;

        @Override
        public Integer call() {
            return forget(spec, database, "SELECT bread_bot_forget_user(?)", userId, "user");
        }
    }

    private static int forget(CommandSpec spec, DatabaseOptions database, String sql, long id, String what) {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            long rows;
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                rows = result.getLong(1);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(rows == 0 ? "nothing stored for " + what + " " + id
                    : "forgot " + what + " " + id + ": " + rows + " row(s) deleted, with what depended on them");
            out.flush();
            return 0;
        } catch (SQLException e) {
            throw new ToolException("cannot forget " + what + " " + id + ": " + Secrets.mask(e.getMessage()), e);
        }
    }
}

package org.breadbot.processor.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Per chat, member and day: how many messages the member wrote and how many were commands ({@code стата},
 * docs/commands.md). Counted in the update's transaction; the pipeline applies an update once, so counting is
 * idempotent per update.
 */
@Repository
public class MemberStatsStore {

    /** Only members the chat tracks are counted (the members quota, {@link MembershipStore#touch}). */
    private static final String UPSERT = "INSERT INTO member_daily_stats (chat_id, day, member_id, messages, commands)"
            + " SELECT :chat, :day, :member, :messages, :commands WHERE EXISTS (SELECT 1 FROM chats_to_members"
            + " WHERE chat_id = :chat AND member_id = :member)"
            + " ON CONFLICT (chat_id, day, member_id) DO UPDATE SET"
            + " messages = member_daily_stats.messages + EXCLUDED.messages,"
            + " commands = member_daily_stats.commands + EXCLUDED.commands";

    private final DatabaseClient db;

    MemberStatsStore(DatabaseClient db) {
        this.db = db;
    }

    /** One more message of the member in the chat on that day. */
    public Mono<Void> countMessage(long chatRowId, long memberRowId, LocalDate day) {
        return add(chatRowId, memberRowId, day, 1, 0);
    }

    /** One more command of the member in the chat on that day (its message is counted by registration). */
    public Mono<Void> countCommand(long chatRowId, long memberRowId, LocalDate day) {
        return add(chatRowId, memberRowId, day, 0, 1);
    }

    /** What a ranking of the chat's members orders by. */
    public enum Ranking {
        /** Most messages first. */
        MESSAGES,
        /** Most commands first, members without any left out. */
        COMMANDS
    }

    /** The first {@code limit} members of a ranking, and how many members it ranks in all. */
    public record Ranked(List<MemberStats> top, long total) {
    }

    /**
     * The totals of the members who wrote in the chat from {@code firstDay} on, the first {@code limit} of the
     * ranking only: a chat of thousands of members is ranked by the database, and only its top is read.
     */
    public Mono<Ranked> top(long chatRowId, LocalDate firstDay, Ranking ranking, int limit) {
        return db.sql("SELECT m.id, m.member_id, m.username, m.first_name, m.last_name, m.is_bot,"
                        + " SUM(s.messages) AS messages, SUM(s.commands) AS commands, count(*) OVER () AS ranked"
                        + " FROM member_daily_stats s JOIN members m ON m.id = s.member_id"
                        + " WHERE s.chat_id = :chat AND s.day >= :from"
                        + " GROUP BY m.id, m.member_id, m.username, m.first_name, m.last_name, m.is_bot"
                        + having(ranking == Ranking.COMMANDS) + " ORDER BY " + order(ranking == Ranking.COMMANDS)
                        + " LIMIT :limit")
                .bind("chat", chatRowId)
                .bind("from", firstDay)
                .bind("limit", limit)
                .map(row -> Map.entry(new MemberStats(
                        new MemberRow(Rows.longValue(row, "id"), Rows.longValue(row, "member_id"),
                                Rows.string(row, "username"), Rows.string(row, "first_name"),
                                Rows.string(row, "last_name"), Rows.booleanValue(row, "is_bot")),
                        Rows.longValue(row, "messages"),
                        Rows.longValue(row, "commands")), Rows.longValue(row, "ranked")))
                .all()
                .collectList()
                .map(rows -> new Ranked(rows.stream().map(Map.Entry::getKey).toList(),
                        rows.isEmpty() ? 0 : rows.get(0).getValue()));
    }

    private static String having(boolean commands) {
        return commands ? " HAVING SUM(s.commands) > 0" : "";
    }

    private static String order(boolean commands) {
        return commands ? "commands DESC, messages DESC, m.id" : "messages DESC, m.id";
    }

    private Mono<Void> add(long chatRowId, long memberRowId, LocalDate day, int messages, int commands) {
        return db.sql(UPSERT)
                .bind("chat", chatRowId)
                .bind("day", day)
                .bind("member", memberRowId)
                .bind("messages", messages)
                .bind("commands", commands)
                .then();
    }
}

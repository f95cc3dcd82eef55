package org.breadbot.processor.store;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per chat, member and day: how many messages the member wrote and how many were commands ({@code стата},
 * docs/commands.md). Counted in the update's transaction; the pipeline applies an update once, so counting is
 * idempotent per update.
 */
@Repository
public class MemberStatsStore {

    private static final String UPSERT = "INSERT INTO member_daily_stats (chat_id, day, member_id, messages, commands)"
            + " VALUES (:chat, :day, :member, :messages, :commands) ON CONFLICT (chat_id, day, member_id) DO UPDATE SET"
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

    /** The totals of every member who wrote in the chat from {@code firstDay} on, most messages first. */
    public Flux<MemberStats> since(long chatRowId, LocalDate firstDay) {
        return db.sql("SELECT m.id, m.member_id, m.username, m.first_name, m.last_name, m.is_bot,"
                        + " SUM(s.messages) AS messages, SUM(s.commands) AS commands"
                        + " FROM member_daily_stats s JOIN members m ON m.id = s.member_id"
                        + " WHERE s.chat_id = :chat AND s.day >= :from"
                        + " GROUP BY m.id, m.member_id, m.username, m.first_name, m.last_name, m.is_bot"
                        + " ORDER BY messages DESC, m.id")
                .bind("chat", chatRowId)
                .bind("from", firstDay)
                .map(row -> new MemberStats(
                        new MemberRow(Rows.longValue(row, "id"), Rows.longValue(row, "member_id"),
                                Rows.string(row, "username"), Rows.string(row, "first_name"),
                                Rows.string(row, "last_name"), Rows.booleanValue(row, "is_bot")),
                        Rows.longValue(row, "messages"),
                        Rows.longValue(row, "commands")))
                .all();
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

package org.breadbot.processor.store;

import static org.breadbot.processor.store.Rows.bindNullable;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Members: global, one row per Telegram user (spec §2.4, §7). */
@Repository
public class MemberStore {

    private static final String COLUMNS = "m.id, m.member_id, m.username, m.first_name, m.last_name, m.is_bot";

    private final DatabaseClient db;

    MemberStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The member whose Telegram id or username matches (spec §2.4). The original took whichever row came first;
     * a Telegram id match is preferred here, so a user taking over someone's old username is not mistaken for them.
     */
    public Mono<MemberRow> findByTelegramIdOrUsername(long telegramId, String username) {
        return db.sql("SELECT " + COLUMNS + " FROM members m WHERE m.member_id = :telegramId OR m.username = :username"
                        + " ORDER BY (m.member_id = :telegramId) DESC, m.id LIMIT 1")
                .bind("telegramId", telegramId)
                .bind("username", username)
                .map(MemberStore::member)
                .one();
    }

    /**
     * Inserts a member; empty when a concurrent transaction took the username first, so the caller looks it up
     * again instead of failing on the unique constraint.
     */
    public Mono<MemberRow> insert(long telegramId, String username, String firstName, String lastName, boolean bot,
            LocalDateTime now) {
        var spec = db.sql("INSERT INTO members AS m (member_id, username, first_name, last_name, is_bot, is_active,"
                        + " created_at, updated_at)"
                        + " VALUES (:telegramId, :username, :firstName, :lastName, :bot, TRUE, :now, :now)"
                        + " ON CONFLICT (username) DO NOTHING RETURNING " + COLUMNS)
                .bind("telegramId", telegramId)
                .bind("username", username)
                .bind("bot", bot)
                .bind("now", now);
        spec = bindNullable(spec, "firstName", firstName, String.class);
        spec = bindNullable(spec, "lastName", lastName, String.class);
        return spec.map(MemberStore::member).one();
    }

    /**
     * Overwrites the names; the username only when no other member holds it, because a clash must not abort the
     * surrounding transaction (spec §2.4: best effort). The Telegram id is never changed.
     */
    public Mono<MemberRow> updateNames(long id, String username, String firstName, String lastName,
            LocalDateTime now) {
        var spec = db.sql("UPDATE members AS m SET first_name = :firstName, last_name = :lastName, updated_at = :now,"
                        + " username = CASE WHEN EXISTS (SELECT 1 FROM members o WHERE o.username = :username"
                        + " AND o.id <> :id) THEN m.username ELSE :username END"
                        + " WHERE m.id = :id RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("username", username)
                .bind("now", now);
        spec = bindNullable(spec, "firstName", firstName, String.class);
        spec = bindNullable(spec, "lastName", lastName, String.class);
        return spec.map(MemberStore::member).one();
    }

    /**
     * Non-bot members whose link to the chat was touched after {@code activeAfter}, one per Telegram user, in the
     * order their links were created (spec §7.2).
     */
    public Flux<MemberRow> activeInChat(long chatRowId, LocalDateTime activeAfter) {
        return activeInChat(chatRowId, activeAfter, Integer.MAX_VALUE);
    }

    /** {@link #activeInChat(long, LocalDateTime)}, only the {@code limit} most recently active of them. */
    public Flux<MemberRow> activeInChat(long chatRowId, LocalDateTime activeAfter, int limit) {
        return db.sql("SELECT id, member_id, username, first_name, last_name, is_bot FROM ("
                        + " SELECT * FROM (SELECT DISTINCT ON (m.member_id) " + COLUMNS + ", l.id AS link_id,"
                        + " l.updated_at AS active_at"
                        + " FROM chats_to_members l JOIN members m ON m.id = l.member_id"
                        + " WHERE l.chat_id = :chat AND l.updated_at > :after AND m.is_bot IS NOT TRUE"
                        + " ORDER BY m.member_id, l.id) distinct_members ORDER BY active_at DESC, link_id LIMIT :limit)"
                        + " pool ORDER BY link_id")
                .bind("chat", chatRowId)
                .bind("after", activeAfter)
                .bind("limit", limit)
                .map(MemberStore::member)
                .all();
    }

    private static MemberRow member(Readable row) {
        return new MemberRow(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "member_id"),
                Rows.string(row, "username"),
                Rows.string(row, "first_name"),
                Rows.string(row, "last_name"),
                Rows.booleanValue(row, "is_bot"));
    }
}

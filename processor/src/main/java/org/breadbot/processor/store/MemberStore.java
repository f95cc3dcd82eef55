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
     * The member with this Telegram user id. The id is the identity; a username is only what the user is called
     * now: usernames are given up and taken by other people, so matching one would hand a stranger someone's row
     * (the original matched {@code member_id OR username}, spec §2.4).
     */
    public Mono<MemberRow> findByTelegramId(long telegramId) {
        return db.sql("SELECT " + COLUMNS + " FROM members m WHERE m.member_id = :telegramId ORDER BY m.id LIMIT 1")
                .bind("telegramId", telegramId)
                .map(MemberStore::member)
                .one();
    }

    /**
     * Takes {@code username} from any other user's row: Telegram gives a username to one account at a time, so the
     * account presenting it now owns it and an older holder has renamed. That row is then stored as a user without
     * a username (under the decimal id, spec §2.4; under {@code #<row id>} in the unlikely case that is taken).
     */
    public Mono<Void> releaseUsername(String username, long telegramId) {
        return db.sql("UPDATE members AS o SET username = CASE WHEN EXISTS (SELECT 1 FROM members x"
                        + " WHERE x.username = o.member_id::text) THEN '#' || o.id ELSE o.member_id::text END"
                        + " WHERE o.username = :username AND o.member_id <> :telegramId")
                .bind("username", username)
                .bind("telegramId", telegramId)
                .then();
    }

    /**
     * Inserts a member; empty when a concurrent transaction inserted the same user first (same username), so the
     * caller looks it up again instead of failing on the unique constraint.
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

    /** Overwrites the names, after {@link #releaseUsername} gave the username to this user. */
    public Mono<MemberRow> updateNames(long id, String username, String firstName, String lastName,
            LocalDateTime now) {
        var spec = db.sql("UPDATE members AS m SET first_name = :firstName, last_name = :lastName, updated_at = :now,"
                        + " username = :username WHERE m.id = :id RETURNING " + COLUMNS)
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

package org.breadbot.processor.store;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Registration's common case in one round trip (spec §2.4): the sender and the chat are already stored under
 * exactly the names this message carries. Then the membership is touched, the message counted and the chat's first
 * pack read by one statement, where the step-by-step path ({@link MemberStore}, {@link ChatStore},
 * {@link MembershipStore}, {@link MemberStatsStore}, {@link AnswerPackStore}) needs five; every message of a known
 * member in a known chat takes this path, so it is most of the per-update statements saved.
 *
 * <p>Nothing is written unless both rows match; the caller then takes the step-by-step path, which inserts or
 * renames first. The member and chat are looked up as {@link MemberStore#findByTelegramId} and
 * {@code ChatStore.find} do, so both paths agree on which rows they are.
 */
@Repository
public class RegistrationStore {

    private static final String KNOWN = "WITH m AS (SELECT id, member_id, username, first_name, last_name, is_bot"
            + " FROM members WHERE member_id = :telegramId ORDER BY id LIMIT 1),"
            + " c AS (SELECT id, chat_id, name, morph_answer_chance, is_openai_enabled, dictionary_version FROM chats"
            + " WHERE chat_id = :chatId),"
            + " known AS (SELECT m.id AS member_row, c.id AS chat_row FROM m, c WHERE m.username = :username"
            + " AND m.first_name IS NOT DISTINCT FROM :firstName AND m.last_name IS NOT DISTINCT FROM :lastName"
            + " AND c.name IS NOT DISTINCT FROM :chatName),"
            + " touched AS (INSERT INTO chats_to_members (member_id, chat_id, is_active, created_at, updated_at)"
            + " SELECT member_row, chat_row, TRUE, :now, :now FROM known WHERE CASE WHEN EXISTS (SELECT 1"
            + " FROM chats_to_members l WHERE l.member_id = known.member_row AND l.chat_id = known.chat_row)"
            + " THEN TRUE ELSE (SELECT count(*) FROM chats_to_members l WHERE l.chat_id = known.chat_row)"
            + " < :maxMembers END"
            + " ON CONFLICT (member_id, chat_id) DO UPDATE SET updated_at = EXCLUDED.updated_at RETURNING 1),"
            + " counted AS (INSERT INTO member_daily_stats (chat_id, day, member_id, messages, commands)"
            + " SELECT chat_row, :day, member_row, 1, 0 FROM known WHERE :count AND EXISTS (SELECT 1 FROM touched)"
            + " ON CONFLICT (chat_id, day, member_id) DO UPDATE SET"
            + " messages = member_daily_stats.messages + EXCLUDED.messages)"
            + " SELECT m.id AS m_id, m.member_id, m.username, m.first_name, m.last_name, m.is_bot,"
            + " c.id AS c_id, c.chat_id, c.name, c.morph_answer_chance, c.is_openai_enabled, c.dictionary_version,"
            + " p.id AS p_id, p.name AS p_name, p.is_private, p.answer_chance, p.version AS p_version"
            + " FROM known JOIN m ON m.id = known.member_row JOIN c ON c.id = known.chat_row"
            + " LEFT JOIN LATERAL (SELECT ap.id, ap.name, ap.is_private, ap.answer_chance, ap.version"
            + " FROM answer_packs_to_chats l JOIN answer_packs ap ON ap.id = l.pack_id"
            + " WHERE l.chat_id = c.id ORDER BY l.id LIMIT 1) p ON TRUE";

    private final DatabaseClient db;

    RegistrationStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The message's sender and chat as stored, with the chat's first linked pack (not yet filtered for being a
     * default pack), after touching the membership (created only while the chat tracks fewer than
     * {@code maxMembers}) and, when {@code count} and the member is tracked, counting one message for today; empty,
     * having written nothing, when either row is missing or stored under other names.
     */
    public Mono<Registered> registerKnown(long telegramId, String username, String firstName, String lastName,
            long chatTelegramId, String chatName, boolean count, LocalDateTime now, int maxMembers) {
        return db.sql(KNOWN)
                .bind("telegramId", telegramId)
                .bind("username", username)
                .bind("firstName", firstName)
                .bind("lastName", lastName)
                .bind("chatId", chatTelegramId)
                .bind("chatName", chatName)
                .bind("count", count)
                .bind("day", now.toLocalDate())
                .bind("now", now)
                .bind("maxMembers", maxMembers)
                .map(RegistrationStore::registered)
                .one();
    }

    private static Registered registered(Readable row) {
        MemberRow member = new MemberRow(Rows.longValue(row, "m_id"), Rows.longValue(row, "member_id"),
                Rows.string(row, "username"), Rows.string(row, "first_name"), Rows.string(row, "last_name"),
                Rows.booleanValue(row, "is_bot"));
        ChatRow chat = new ChatRow(Rows.longValue(row, "c_id"), Rows.longValue(row, "chat_id"),
                Rows.string(row, "name"), Rows.intValue(row, "morph_answer_chance"),
                Rows.booleanValue(row, "is_openai_enabled"), Rows.longValue(row, "dictionary_version"));
        AnswerPack pack = row.get("p_id") == null ? null : new AnswerPack(Rows.longValue(row, "p_id"),
                Rows.string(row, "p_name"), Rows.booleanValue(row, "is_private"), Rows.intValue(row, "answer_chance"),
                Rows.longValue(row, "p_version"));
        return new Registered(member, chat, pack);
    }

    /**
     * A registered message's rows.
     *
     * @param firstPack the pack of the chat's first link row, or null; the caller decides if it is a default pack
     */
    public record Registered(MemberRow member, ChatRow chat, AnswerPack firstPack) {
    }
}

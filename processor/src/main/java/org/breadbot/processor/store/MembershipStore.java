package org.breadbot.processor.store;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Chat ↔ member links; a link's {@code updated_at} is the member's last activity in that chat (spec §7.1). */
@Repository
public class MembershipStore {

    /**
     * The condition under which a link of {@code :member} to {@code :chat} may be written: it exists, or the chat
     * tracks fewer than {@code :maxMembers} members. A CASE, so that the count is only made for a new member.
     */
    private static final String ROOM_FOR_LINK = "CASE WHEN EXISTS (SELECT 1 FROM chats_to_members"
            + " WHERE member_id = :member AND chat_id = :chat) THEN TRUE"
            + " ELSE (SELECT count(*) FROM chats_to_members WHERE chat_id = :chat) < :maxMembers END";

    private final DatabaseClient db;

    MembershipStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Sets the link's activity time to {@code now}, creating it if the chat tracks fewer than {@code maxMembers}
     * members (the members quota); an untracked member stays untracked.
     */
    public Mono<Void> touch(long chatRowId, long memberRowId, LocalDateTime now, int maxMembers) {
        return db.sql("INSERT INTO chats_to_members (member_id, chat_id, is_active, created_at, updated_at)"
                        + " SELECT :member, :chat, TRUE, :now, :now WHERE " + ROOM_FOR_LINK
                        + " ON CONFLICT (member_id, chat_id) DO UPDATE SET updated_at = EXCLUDED.updated_at")
                .bind("member", memberRowId)
                .bind("chat", chatRowId)
                .bind("now", now)
                .bind("maxMembers", maxMembers)
                .then();
    }

    /**
     * The user left the chat or was removed from it: the link goes, so the user no longer counts among its members
     * (кто, топ, all) and can no longer {@code распространи в} it. Their messages there before stay counted in its
     * statistics; written again, they are linked again.
     */
    public Mono<Void> leave(long chatTelegramId, long userTelegramId) {
        return db.sql("DELETE FROM chats_to_members l USING chats c, members m WHERE l.chat_id = c.id"
                        + " AND l.member_id = m.id AND c.chat_id = :chat AND m.member_id = :user")
                .bind("chat", chatTelegramId)
                .bind("user", userTelegramId)
                .then();
    }
}

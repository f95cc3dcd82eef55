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
}

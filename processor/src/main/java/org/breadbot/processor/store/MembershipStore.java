package org.breadbot.processor.store;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Chat ↔ member links; a link's {@code updated_at} is the member's last activity in that chat (spec §7.1). */
@Repository
public class MembershipStore {

    private final DatabaseClient db;

    MembershipStore(DatabaseClient db) {
        this.db = db;
    }

    /** Creates the link if missing and sets its activity time to {@code now}. */
    public Mono<Void> touch(long chatRowId, long memberRowId, LocalDateTime now) {
        return db.sql("INSERT INTO chats_to_members (member_id, chat_id, is_active, created_at, updated_at)"
                        + " VALUES (:member, :chat, TRUE, :now, :now)"
                        + " ON CONFLICT (member_id, chat_id) DO UPDATE SET updated_at = EXCLUDED.updated_at")
                .bind("member", memberRowId)
                .bind("chat", chatRowId)
                .bind("now", now)
                .then();
    }
}

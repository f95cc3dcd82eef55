package org.breadbot.processor.store;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The groups a member has written in and not left, for {@code распространи в} (spec §4.3.1). */
@Repository
public class MemberGroupsStore {

    private final DatabaseClient db;

    MemberGroupsStore(DatabaseClient db) {
        this.db = db;
    }

    /** Every group (negative chat id) the member is linked to, whenever they last wrote there. */
    public Mono<List<Group>> groupsOf(long memberRowId) {
        return db.sql("SELECT c.id, c.chat_id, c.name FROM chats_to_members l JOIN chats c ON c.id = l.chat_id"
                        + " WHERE l.member_id = :member AND c.chat_id < 0 ORDER BY c.id")
                .bind("member", memberRowId)
                .map(row -> new Group(Rows.longValue(row, "id"), Rows.longValue(row, "chat_id"),
                        Rows.string(row, "name")))
                .all()
                .collectList();
    }

    /**
     * A group chat.
     *
     * @param id         row id
     * @param telegramId Telegram chat id (negative)
     * @param name       the group's title as last seen
     */
    public record Group(long id, long telegramId, String name) {
    }
}

package org.breadbot.processor.store;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The chat's own phrases of each {@link PhraseKind}, compared exactly. */
@Repository
public class ChatPhraseStore {

    private final DatabaseClient db;

    ChatPhraseStore(DatabaseClient db) {
        this.db = db;
    }

    /** The chat's phrases of this kind in the order they were added. */
    public Mono<List<ChatPhrase>> phrases(long chatRowId, PhraseKind kind) {
        return db.sql("SELECT id, kind, text FROM chat_phrases WHERE chat_id = :chat AND kind = :kind ORDER BY id")
                .bind("chat", chatRowId)
                .bind("kind", kind.name())
                .map(row -> new ChatPhrase(Rows.longValue(row, "id"), PhraseKind.valueOf(Rows.string(row, "kind")),
                        Rows.string(row, "text")))
                .all()
                .collectList();
    }

    /** Adds the phrase unless the chat already has exactly this one of this kind; true when it was added. */
    public Mono<Boolean> add(long chatRowId, PhraseKind kind, String text, LocalDateTime now) {
        return db.sql("INSERT INTO chat_phrases (chat_id, kind, text, is_active, created_at, updated_at)"
                        + " SELECT :chat, :kind, :text, TRUE, :now, :now WHERE NOT EXISTS"
                        + " (SELECT 1 FROM chat_phrases WHERE chat_id = :chat AND kind = :kind AND text = :text)")
                .bind("chat", chatRowId)
                .bind("kind", kind.name())
                .bind("text", text)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Deletes these phrases of the chat; returns how many. */
    public Mono<Long> delete(long chatRowId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("DELETE FROM chat_phrases WHERE chat_id = :chat AND id = ANY(:ids)")
                .bind("chat", chatRowId)
                .bind("ids", ids.toArray(Long[]::new))
                .fetch()
                .rowsUpdated();
    }
}

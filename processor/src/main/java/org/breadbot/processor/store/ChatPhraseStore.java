package org.breadbot.processor.store;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
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

    /** Phrases one chunk of {@link #phrasesInOrder} reads. */
    static final int CHUNK = 200;

    /** The chat's phrases of this kind in the order added, read {@value #CHUNK} at a time as they are consumed. */
    public Flux<ChatPhrase> phrasesInOrder(long chatRowId, PhraseKind kind) {
        return phrasesAfter(chatRowId, kind, 0)
                .expand(chunk -> chunk.size() < CHUNK ? Mono.empty()
                        : phrasesAfter(chatRowId, kind, chunk.get(chunk.size() - 1).id()))
                .concatMapIterable(chunk -> chunk);
    }

    private Mono<List<ChatPhrase>> phrasesAfter(long chatRowId, PhraseKind kind, long afterId) {
        return db.sql("SELECT id, kind, text FROM chat_phrases WHERE chat_id = :chat AND kind = :kind AND id > :after"
                        + " ORDER BY id LIMIT :chunk")
                .bind("chat", chatRowId)
                .bind("kind", kind.name())
                .bind("after", afterId)
                .bind("chunk", CHUNK)
                .map(row -> new ChatPhrase(Rows.longValue(row, "id"), PhraseKind.valueOf(Rows.string(row, "kind")),
                        Rows.string(row, "text")))
                .all()
                .collectList();
    }

    /** How many phrases of this kind the chat has. */
    public Mono<Long> count(long chatRowId, PhraseKind kind) {
        return db.sql("SELECT count(*) AS n FROM chat_phrases WHERE chat_id = :chat AND kind = :kind")
                .bind("chat", chatRowId)
                .bind("kind", kind.name())
                .map(row -> Rows.longValue(row, "n"))
                .one();
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

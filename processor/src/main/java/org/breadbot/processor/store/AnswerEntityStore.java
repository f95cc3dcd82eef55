package org.breadbot.processor.store;

import static org.breadbot.processor.store.Rows.bindNullable;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Answer entities of a pack (spec §5.1). */
@Repository
public class AnswerEntityStore {

    private static final String COLUMNS =
            "id, pack_id, key, value, file_unique_id, reaction_type, content_type, description";
    private static final String CONTENT_CONDITION = "pack_id = :pack AND content_type = :content";

    private final DatabaseClient db;

    AnswerEntityStore(DatabaseClient db) {
        this.db = db;
    }

    /** Every entity of the pack with this reaction type and exactly this key. */
    public Flux<AnswerEntity> byKey(long packId, ReactionType reactionType, String key) {
        return db.sql("SELECT " + COLUMNS + " FROM answer_entities"
                        + " WHERE pack_id = :pack AND reaction_type = :reaction AND key = :key ORDER BY id")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .bind("key", key)
                .map(AnswerEntityStore::entity)
                .all();
    }

    /** Every entity of the pack with this reaction type and one of these keys. */
    public Flux<AnswerEntity> byKeys(long packId, ReactionType reactionType, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM answer_entities"
                        + " WHERE pack_id = :pack AND reaction_type = :reaction AND key = ANY(:keys) ORDER BY id")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .bind("keys", keys.toArray(String[]::new))
                .map(AnswerEntityStore::entity)
                .all();
    }

    /** The distinct keys of the pack with this reaction type. */
    public Flux<String> keys(long packId, ReactionType reactionType) {
        return db.sql("SELECT DISTINCT key FROM answer_entities WHERE pack_id = :pack AND reaction_type = :reaction")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .map(row -> row.get("key", String.class))
                .all();
    }

    /** Every entity of the pack with this reaction type, by key and then in the order they were added. */
    public Flux<AnswerEntity> all(long packId, ReactionType reactionType) {
        return db.sql("SELECT " + COLUMNS + " FROM answer_entities"
                        + " WHERE pack_id = :pack AND reaction_type = :reaction ORDER BY key, id")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .map(AnswerEntityStore::entity)
                .all();
    }

    /** Every entity of the pack, triggers and substrings alike, of this content type, in the order added. */
    public Flux<AnswerEntity> byContentType(long packId, ContentType contentType) {
        return db.sql("SELECT " + COLUMNS + " FROM answer_entities WHERE pack_id = :pack AND content_type = :content"
                        + " ORDER BY id")
                .bind("pack", packId)
                .bind("content", contentType.name())
                .map(AnswerEntityStore::entity)
                .all();
    }

    /** Every entity of the pack, of any reaction type, holding this content (spec §5.1), in the order added. */
    public Flux<AnswerEntity> withContent(long packId, SameContent content) {
        return bindContent(db.sql("SELECT " + COLUMNS + " FROM answer_entities WHERE " + CONTENT_CONDITION
                        + matchCondition(content) + " ORDER BY id"), packId, content)
                .map(AnswerEntityStore::entity)
                .all();
    }

    /** Deletes every entity of the pack holding this content; emits the keys of the deleted rows, in the order added. */
    public Flux<String> deleteWithContent(long packId, SameContent content) {
        return bindContent(db.sql("WITH deleted AS (DELETE FROM answer_entities WHERE " + CONTENT_CONDITION
                        + matchCondition(content) + " RETURNING id, key) SELECT key FROM deleted ORDER BY id"),
                packId, content)
                .map(row -> row.get("key", String.class))
                .all();
    }

    private static String matchCondition(SameContent content) {
        return content.isText() ? " AND value = :match" : " AND file_unique_id = ANY(:match)";
    }

    private static GenericExecuteSpec bindContent(GenericExecuteSpec spec, long packId, SameContent content) {
        return spec.bind("pack", packId)
                .bind("content", content.contentType().name())
                .bind("match", content.isText() ? content.text() : content.fileUniqueIds().toArray(String[]::new));
    }

    /**
     * Inserts the answer unless the pack already holds an identical one (same key, value, reaction type and
     * content type); emits whether a row was added.
     */
    public Mono<Boolean> insertIfAbsent(long packId, NewAnswer answer, LocalDateTime now) {
        var spec = db.sql("INSERT INTO answer_entities (pack_id, key, value, file_unique_id, reaction_type,"
                        + " content_type, description, is_active, created_at, updated_at)"
                        + " SELECT :pack, :key, :value, :fileUniqueId, :reaction, :content, :description, TRUE, :now, :now"
                        + " WHERE NOT EXISTS (SELECT 1 FROM answer_entities WHERE pack_id = :pack AND key = :key"
                        + " AND value = :value AND reaction_type = :reaction AND content_type = :content)")
                .bind("pack", packId)
                .bind("key", answer.key())
                .bind("value", answer.value())
                .bind("reaction", answer.reactionType().name())
                .bind("content", answer.contentType().name())
                .bind("now", now);
        spec = bindNullable(spec, "fileUniqueId", answer.fileUniqueId(), String.class);
        spec = bindNullable(spec, "description", answer.description(), String.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Inserts the answers as they are. */
    public Mono<Void> insertAll(long packId, Collection<NewAnswer> answers, LocalDateTime now) {
        return Flux.fromIterable(answers).concatMap(answer -> insert(packId, answer, now)).then();
    }

    private Mono<Long> insert(long packId, NewAnswer answer, LocalDateTime now) {
        var spec = db.sql("INSERT INTO answer_entities (pack_id, key, value, file_unique_id, reaction_type,"
                        + " content_type, description, is_active, created_at, updated_at)"
                        + " VALUES (:pack, :key, :value, :fileUniqueId, :reaction, :content, :description, TRUE, :now, :now)")
                .bind("pack", packId)
                .bind("key", answer.key())
                .bind("value", answer.value())
                .bind("reaction", answer.reactionType().name())
                .bind("content", answer.contentType().name())
                .bind("now", now);
        spec = bindNullable(spec, "fileUniqueId", answer.fileUniqueId(), String.class);
        spec = bindNullable(spec, "description", answer.description(), String.class);
        return spec.fetch().rowsUpdated();
    }

    private static AnswerEntity entity(Readable row) {
        return new AnswerEntity(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "pack_id"),
                Rows.string(row, "key"),
                Rows.string(row, "value"),
                Rows.string(row, "file_unique_id"),
                ReactionType.valueOf(Rows.string(row, "reaction_type")),
                ContentType.valueOf(Rows.string(row, "content_type")),
                Rows.string(row, "description"));
    }
}

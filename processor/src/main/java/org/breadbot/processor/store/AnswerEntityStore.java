package org.breadbot.processor.store;

import static org.breadbot.processor.store.Rows.bindNullable;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
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

    /**
     * The distinct keys of the pack with this reaction type, with the pack's version as of the same snapshot, so
     * that what is built from the keys can be kept under that version; empty when the pack does not exist.
     */
    public Mono<VersionedKeys> keysWithVersion(long packId, ReactionType reactionType) {
        return db.sql("SELECT p.version, k.key FROM answer_packs p LEFT JOIN LATERAL (SELECT DISTINCT key"
                        + " FROM answer_entities WHERE pack_id = p.id AND reaction_type = :reaction) k ON TRUE"
                        + " WHERE p.id = :pack")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .map(row -> new VersionedRow(Rows.longValue(row, "version"), Rows.string(row, "key")))
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> new VersionedKeys(rows.get(0).version(), VersionedRow.values(rows)));
    }

    /** A pack's keys of one reaction type and the version of the pack they were read at. */
    public record VersionedKeys(long version, java.util.List<String> keys) {
    }

    /** Whether the pack holds any answer at all. */
    public Mono<Boolean> hasAny(long packId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM answer_entities WHERE pack_id = :pack) AS any")
                .bind("pack", packId)
                .map(row -> Rows.booleanValue(row, "any"))
                .one();
    }

    /** How many distinct keys of this reaction type the pack has. */
    public Mono<Long> countKeys(long packId, ReactionType reactionType) {
        return db.sql("SELECT count(DISTINCT key) AS n FROM answer_entities"
                        + " WHERE pack_id = :pack AND reaction_type = :reaction")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .map(row -> Rows.longValue(row, "n"))
                .one();
    }

    /** How many answers of this reaction type each of these keys has; keys without any are left out. */
    public Mono<Map<String, Long>> countAnswers(long packId, ReactionType reactionType, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT key, count(*) AS n FROM answer_entities"
                        + " WHERE pack_id = :pack AND reaction_type = :reaction AND key = ANY(:keys) GROUP BY key")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .bind("keys", keys.toArray(String[]::new))
                .map(row -> Map.entry(Rows.string(row, "key"), Rows.longValue(row, "n")))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The distinct keys of the pack with this reaction type. */
    public Flux<String> keys(long packId, ReactionType reactionType) {
        return db.sql("SELECT DISTINCT key FROM answer_entities WHERE pack_id = :pack AND reaction_type = :reaction")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .map(row -> row.get("key", String.class))
                .all();
    }

    /** The columns of a listing, texts cut to {@code :limit} characters. */
    private static final String SHOWN_COLUMNS = "id, pack_id, key, left(value, :limit) AS value, file_unique_id,"
            + " reaction_type, content_type, left(description, :limit) AS description";

    /** Rows one chunk of {@link #shownInKeyOrder} reads. */
    static final int SHOWN_CHUNK = 500;

    /**
     * The pack's entities of this reaction type whose key contains {@code filter}, by key (code point order, as
     * everywhere in the bot) and then in the order added, with texts cut to their first {@code textLimit} characters, read {@value #SHOWN_CHUNK} rows at a
     * time as they are consumed: a listing that needs one page reads about that page.
     */
    public Flux<AnswerEntity> shownInKeyOrder(long packId, ReactionType reactionType, String filter, int textLimit) {
        return shownChunk(packId, reactionType, filter, textLimit, null)
                .expand(chunk -> chunk.size() < SHOWN_CHUNK ? Mono.empty()
                        : shownChunk(packId, reactionType, filter, textLimit, chunk.get(chunk.size() - 1)))
                .concatMapIterable(chunk -> chunk);
    }

    private Mono<java.util.List<AnswerEntity>> shownChunk(long packId, ReactionType reactionType, String filter,
            int textLimit, AnswerEntity after) {
        var spec = db.sql("SELECT " + SHOWN_COLUMNS + " FROM answer_entities WHERE pack_id = :pack"
                        + " AND reaction_type = :reaction AND strpos(key, :filter) > 0" + afterCondition(after != null)
                        + " ORDER BY key COLLATE \"C\", id LIMIT :chunk")
                .bind("pack", packId)
                .bind("reaction", reactionType.name())
                .bind("filter", filter)
                .bind("limit", textLimit)
                .bind("chunk", SHOWN_CHUNK);
        if (after != null) {
            spec = spec.bind("afterKey", after.key()).bind("afterId", after.id());
        }
        return spec.map(AnswerEntityStore::entity).all().collectList();
    }

    private static String afterCondition(boolean after) {
        return after ? " AND (key COLLATE \"C\", id) > (:afterKey, :afterId)" : "";
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

    /**
     * The source pack's answers the target pack lacks: none identical (same key, value, reaction and content type)
     * is in the target already, and each is taken once.
     */
    private static final String MISSING_IN_TARGET = "SELECT DISTINCT ON (s.reaction_type, s.key, s.value,"
            + " s.content_type) s.id, s.key, s.value, s.file_unique_id, s.reaction_type, s.content_type, s.description"
            + " FROM answer_entities s WHERE s.pack_id = :source AND NOT EXISTS (SELECT 1 FROM answer_entities t"
            + " WHERE t.pack_id = :target AND t.key = s.key AND t.value = s.value"
            + " AND t.reaction_type = s.reaction_type AND t.content_type = s.content_type)"
            + " ORDER BY s.reaction_type, s.key, s.value, s.content_type, s.id";

    /**
     * What copying the source pack's missing answers into the target would do, per reaction type: the key counts
     * before and after, and how many keys would get more than {@code maxPerKey} answers and more than they have.
     * Computed by the database in one statement, however many answers the packs hold.
     */
    public Flux<CopyGrowth> copyGrowth(long sourcePackId, long targetPackId, int maxPerKey) {
        return db.sql("WITH missing AS (" + MISSING_IN_TARGET + "),"
                        + " target AS (SELECT key, reaction_type FROM answer_entities WHERE pack_id = :target),"
                        + " after AS (SELECT key, reaction_type FROM target UNION ALL"
                        + " SELECT key, reaction_type FROM missing),"
                        + " per_key_before AS (SELECT reaction_type, key, count(*) AS n FROM target"
                        + " GROUP BY reaction_type, key),"
                        + " per_key_after AS (SELECT reaction_type, key, count(*) AS n FROM after"
                        + " GROUP BY reaction_type, key)"
                        + " SELECT a.reaction_type, count(*) AS keys_after, count(b.key) AS keys_before,"
                        + " count(*) FILTER (WHERE a.n > greatest(coalesce(b.n, 0), :maxPerKey)) AS keys_overfull,"
                        + " (SELECT count(*) FROM missing m WHERE m.reaction_type = a.reaction_type) AS adding"
                        + " FROM per_key_after a LEFT JOIN per_key_before b"
                        + " ON b.reaction_type = a.reaction_type AND b.key = a.key GROUP BY a.reaction_type")
                .bind("source", sourcePackId)
                .bind("target", targetPackId)
                .bind("maxPerKey", maxPerKey)
                .map(row -> new CopyGrowth(ReactionType.valueOf(Rows.string(row, "reaction_type")),
                        Rows.longValue(row, "keys_before"), Rows.longValue(row, "keys_after"),
                        Rows.longValue(row, "keys_overfull"), Rows.longValue(row, "adding")))
                .all();
    }

    /**
     * What a copy of answers does to one reaction type of the target pack.
     *
     * @param keysOverfull keys that would have more answers than the limit and than they have now
     * @param adding       how many answers the copy adds
     */
    public record CopyGrowth(ReactionType reactionType, long keysBefore, long keysAfter, long keysOverfull,
            long adding) {
    }

    /** Copies the source pack's answers the target lacks (see {@link #copyGrowth}), in one statement; emits how many. */
    public Mono<Long> copyMissing(long sourcePackId, long targetPackId, LocalDateTime now) {
        return db.sql("INSERT INTO answer_entities (pack_id, key, value, file_unique_id, reaction_type, content_type,"
                        + " description, is_active, created_at, updated_at)"
                        + " SELECT :target, key, value, file_unique_id, reaction_type, content_type, description, TRUE,"
                        + " :now, :now FROM (" + MISSING_IN_TARGET + ") missing"
                        + " ORDER BY CASE reaction_type WHEN 'TRIGGER' THEN 0 ELSE 1 END, key, id")
                .bind("source", sourcePackId)
                .bind("target", targetPackId)
                .bind("now", now)
                .fetch()
                .rowsUpdated();
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

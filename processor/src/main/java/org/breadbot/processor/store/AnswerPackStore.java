package org.breadbot.processor.store;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Answer packs and their links to chats (spec §5.2). */
@Repository
public class AnswerPackStore {

    /** Substring answer chance of a new pack. */
    public static final int DEFAULT_ANSWER_CHANCE = 100;

    private final DatabaseClient db;

    AnswerPackStore(DatabaseClient db) {
        this.db = db;
    }

    /** The pack of the chat's first link row, if it is a default pack (private, named {@code based}). */
    public Mono<AnswerPack> defaultPack(long chatRowId) {
        return db.sql("SELECT p.id, p.name, p.is_private, p.answer_chance, p.version FROM answer_packs_to_chats l"
                        + " JOIN answer_packs p ON p.id = l.pack_id WHERE l.chat_id = :chat ORDER BY l.id LIMIT 1")
                .bind("chat", chatRowId)
                .map(AnswerPackStore::pack)
                .one()
                .filter(AnswerPack::isDefault);
    }

    /** The chat's default pack, created and linked when it has none. */
    public Mono<AnswerPack> defaultPackOrCreate(long chatRowId, LocalDateTime now) {
        return defaultPack(chatRowId).switchIfEmpty(Mono.defer(() -> createDefault(chatRowId, now)));
    }

    /** Stores a new substring answer chance (0..100). */
    public Mono<Void> setAnswerChance(long packId, int chance, LocalDateTime now) {
        return db.sql("UPDATE answer_packs SET answer_chance = :chance, updated_at = :now WHERE id = :id")
                .bind("chance", (short) chance)
                .bind("now", now)
                .bind("id", packId)
                .then();
    }

    private Mono<AnswerPack> createDefault(long chatRowId, LocalDateTime now) {
        return db.sql("INSERT INTO answer_packs (name, is_private, answer_chance, is_active, created_at, updated_at)"
                        + " VALUES (:name, TRUE, :chance, TRUE, :now, :now)"
                        + " RETURNING id, name, is_private, answer_chance, version")
                .bind("name", AnswerPack.DEFAULT_NAME)
                .bind("chance", (short) DEFAULT_ANSWER_CHANCE)
                .bind("now", now)
                .map(AnswerPackStore::pack)
                .one()
                .flatMap(pack -> link(pack, chatRowId, now));
    }

    private Mono<AnswerPack> link(AnswerPack pack, long chatRowId, LocalDateTime now) {
        return db.sql("INSERT INTO answer_packs_to_chats (pack_id, chat_id, is_active, created_at, updated_at)"
                        + " VALUES (:pack, :chat, TRUE, :now, :now)")
                .bind("pack", pack.id())
                .bind("chat", chatRowId)
                .bind("now", now)
                .then()
                .thenReturn(pack);
    }

    private static AnswerPack pack(Readable row) {
        return new AnswerPack(
                Rows.longValue(row, "id"),
                Rows.string(row, "name"),
                Rows.booleanValue(row, "is_private"),
                Rows.intValue(row, "answer_chance"),
                Rows.longValue(row, "version"));
    }
}

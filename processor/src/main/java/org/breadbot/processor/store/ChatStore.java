package org.breadbot.processor.store;

import static org.breadbot.processor.store.Rows.bindNullable;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Chats the bot has seen (spec §2.4). */
@Repository
public class ChatStore {

    /** Morph answer chance of chats created by [H] (spec §5.6). */
    public static final int DEFAULT_MORPH_ANSWER_CHANCE = 15;

    private static final String COLUMNS = "id, chat_id, name, morph_answer_chance, is_openai_enabled, dictionary_version";

    private final DatabaseClient db;

    ChatStore(DatabaseClient db) {
        this.db = db;
    }

    /** The chat with this Telegram id, created when missing and renamed when its name changed. */
    public Mono<ChatRow> register(long telegramId, String name, LocalDateTime now) {
        return find(telegramId)
                .switchIfEmpty(Mono.defer(() -> insert(telegramId, name, now)))
                .switchIfEmpty(Mono.defer(() -> find(telegramId)))
                .flatMap(chat -> Objects.equals(chat.name(), name) ? Mono.just(chat) : rename(chat, name, now));
    }

    /** Stores a new morph answer chance (0..100). */
    public Mono<Void> setMorphAnswerChance(long id, int chance, LocalDateTime now) {
        return db.sql("UPDATE chats SET morph_answer_chance = :chance, updated_at = :now WHERE id = :id")
                .bind("chance", (short) chance)
                .bind("now", now)
                .bind("id", id)
                .then();
    }

    private Mono<ChatRow> find(long telegramId) {
        return db.sql("SELECT " + COLUMNS + " FROM chats WHERE chat_id = :chatId")
                .bind("chatId", telegramId)
                .map(ChatStore::chat)
                .one();
    }

    private Mono<ChatRow> insert(long telegramId, String name, LocalDateTime now) {
        var spec = db.sql("INSERT INTO chats (chat_id, name, morph_answer_chance, is_openai_enabled, is_active,"
                        + " created_at, updated_at) VALUES (:chatId, :name, :chance, FALSE, TRUE, :now, :now)"
                        + " ON CONFLICT (chat_id) DO NOTHING RETURNING " + COLUMNS)
                .bind("chatId", telegramId)
                .bind("chance", (short) DEFAULT_MORPH_ANSWER_CHANCE)
                .bind("now", now);
        return bindNullable(spec, "name", name, String.class).map(ChatStore::chat).one();
    }

    private Mono<ChatRow> rename(ChatRow chat, String name, LocalDateTime now) {
        var spec = db.sql("UPDATE chats SET name = :name, updated_at = :now WHERE id = :id RETURNING " + COLUMNS)
                .bind("id", chat.id())
                .bind("now", now);
        return bindNullable(spec, "name", name, String.class).map(ChatStore::chat).one();
    }

    private static ChatRow chat(Readable row) {
        return new ChatRow(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "chat_id"),
                Rows.string(row, "name"),
                Rows.intValue(row, "morph_answer_chance"),
                Rows.booleanValue(row, "is_openai_enabled"),
                Rows.longValue(row, "dictionary_version"));
    }
}

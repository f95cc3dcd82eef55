package org.breadbot.processor.bot;

import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.store.ChatMigrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A group became a supergroup. Telegram says so twice, in service messages of both chats: {@code migrate_to_chat_id}
 * in the old group, {@code migrate_from_chat_id} in the new supergroup. They come on different partitions, in
 * either order, either may be lost or delivered again; whichever is applied first moves the chat's data, the other
 * finds it done. Later messages of the supergroup find everything under its id. These updates get no answer.
 */
@Component
class ChatMigrations {

    private static final Logger log = LoggerFactory.getLogger(ChatMigrations.class);

    private final ChatMigrationStore store;

    ChatMigrations(ChatMigrationStore store) {
        this.store = store;
    }

    boolean isMigration(Update update) {
        Message message = update.message();
        return message != null && message.chat() != null
                && (message.migrateToChatId() != null || message.migrateFromChatId() != null);
    }

    Mono<Void> apply(Update update) {
        Message message = update.message();
        long oldChat = message.migrateToChatId() != null ? message.chat().id() : message.migrateFromChatId();
        long newChat = message.migrateToChatId() != null ? message.migrateToChatId() : message.chat().id();
        return store.migrate(oldChat, newChat)
                .handle((moved, sink) -> {
                    log.info("Chat {} became {}: {}", oldChat, newChat, moved ? "its data moved" : "moved before");
                    sink.complete();
                });
    }
}

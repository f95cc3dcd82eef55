package org.breadbot.standalone.playground;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the emulator knows about chats: their one message-id sequence (Telegram numbers the messages of a chat,
 * whoever sends them, so the page takes its ids here too) and how the page described them. Update ids start at the
 * current epoch second, so ids never repeat across restarts, and the processor never mistakes a new update for one it
 * has already applied. Bounded: the least recently used chats are forgotten.
 */
final class ChatBook {

    static final int MAX_CHATS = 10_000;
    static final int MAX_TOPICS_PER_CHAT = 100;
    private static final int MAX_NAME_LENGTH = 128;

    private final AtomicLong lastUpdateId = new AtomicLong(Instant.now().getEpochSecond());
    private final Map<Long, ChatState> chats = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ChatState> eldest) {
            return size() > MAX_CHATS;
        }
    };

    private static final class ChatState {
        int lastMessageId;
        ObjectNode chat;
        /** The forum's topics by thread id: the id of the service message that opened each. */
        final Set<Integer> topics = new LinkedHashSet<>();
    }

    /** The next message id of a chat, above {@code after} (the highest id the caller already knows). */
    synchronized int nextMessageId(long chatId, int after) {
        ChatState state = state(chatId);
        state.lastMessageId = Math.max(state.lastMessageId, Math.max(0, after)) + 1;
        return state.lastMessageId;
    }

    /**
     * Opens a forum topic whose thread id is the chat's next message id (the service message that opens it);
     * empty when the chat is no forum or has {@link #MAX_TOPICS_PER_CHAT} topics.
     */
    synchronized OptionalInt openTopic(long chatId, int after) {
        ChatState state = state(chatId);
        if (state.chat == null || !state.chat.path("is_forum").asBoolean(false)
                || state.topics.size() >= MAX_TOPICS_PER_CHAT) {
            return OptionalInt.empty();
        }
        int threadId = nextMessageId(chatId, after);
        state.topics.add(threadId);
        return OptionalInt.of(threadId);
    }

    /** True when the chat is a forum with an open topic of this thread id. */
    synchronized boolean isTopic(long chatId, long threadId) {
        ChatState state = chats.get(chatId);
        return state != null && threadId > 0 && threadId <= Integer.MAX_VALUE && state.topics.contains((int) threadId);
    }

    /** True when the chat's sequence has handed out this id. */
    synchronized boolean isKnownMessage(long chatId, long messageId) {
        ChatState state = chats.get(chatId);
        return state != null && messageId > 0 && messageId <= state.lastMessageId;
    }

    long nextUpdateId(long after) {
        return lastUpdateId.updateAndGet(last -> Math.max(last, after) + 1);
    }

    /** An update id seen elsewhere (the updates topic): new ones go above it. */
    void updateIdSeen(long updateId) {
        lastUpdateId.accumulateAndGet(updateId, Math::max);
    }

    /** Keeps the page's description of a chat (type, title or names), trimmed to the fields Telegram has. */
    synchronized void describe(long chatId, JsonNode description) {
        ObjectNode chat = Json.mapper().createObjectNode().put("id", chatId).put("type", defaultType(chatId));
        String type = description.path("type").isString() ? description.path("type").asString() : "";
        boolean fits = type.equals("private") ? chatId > 0
                : chatId < 0 && (type.equals("group") || type.equals("supergroup"));
        if (fits) {
            chat.put("type", type);
        }
        if (type.equals("supergroup") && fits && description.path("is_forum").asBoolean(false)) {
            chat.put("is_forum", true);
        }
        for (String field : new String[] {"title", "first_name", "last_name", "username"}) {
            String value = description.path(field).isString() ? description.path(field).asString() : "";
            if (!value.isBlank()) {
                chat.put(field, value.length() > MAX_NAME_LENGTH ? value.substring(0, MAX_NAME_LENGTH) : value);
            }
        }
        state(chatId).chat = chat;
    }

    /** The chat as a message carries it. */
    synchronized ObjectNode chat(long chatId) {
        ChatState state = chats.get(chatId);
        if (state != null && state.chat != null) {
            return state.chat.deepCopy();
        }
        ObjectNode chat = Json.mapper().createObjectNode().put("id", chatId).put("type", defaultType(chatId));
        return chatId > 0 ? chat.put("first_name", "User " + chatId) : chat.put("title", "Playground " + chatId);
    }

    private ChatState state(long chatId) {
        return chats.computeIfAbsent(chatId, id -> new ChatState());
    }

    private static String defaultType(long chatId) {
        if (chatId > 0) {
            return "private";
        }
        return chatId <= -1_000_000_000_000L ? "supergroup" : "group";
    }
}

package org.breadbot.common.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * What routing needs to know of a raw update without binding the whole model: its id, its kind and the
 * chat (or, for chat-less kinds, the user) it belongs to. Works for update kinds this code does not know.
 *
 * @param updateId the update's {@code update_id}
 * @param type     the name of its one optional field, {@code "unknown"} when it has none
 * @param chatId   the chat id, empty when the update has no chat
 * @param userId   the acting user's id, empty when the update names none
 */
public record UpdateEnvelope(long updateId, String type, OptionalLong chatId, OptionalLong userId) {

    /** Where each kind keeps its chat; kinds not listed have none. */
    private static final Map<String, String[]> CHAT_PATHS = Map.ofEntries(
            Map.entry("callback_query", new String[] {"message", "chat", "id"}),
            Map.entry("deleted_business_messages", new String[] {"chat", "id"}),
            Map.entry("message_reaction", new String[] {"chat", "id"}),
            Map.entry("message_reaction_count", new String[] {"chat", "id"}),
            Map.entry("my_chat_member", new String[] {"chat", "id"}),
            Map.entry("chat_member", new String[] {"chat", "id"}),
            Map.entry("chat_join_request", new String[] {"chat", "id"}),
            Map.entry("chat_boost", new String[] {"chat", "id"}),
            Map.entry("removed_chat_boost", new String[] {"chat", "id"}));

    /** Where each chat-less kind keeps its user; message-like kinds use {@code from.id}. */
    private static final Map<String, String[]> USER_PATHS = Map.ofEntries(
            Map.entry("poll_answer", new String[] {"user", "id"}),
            Map.entry("message_reaction", new String[] {"user", "id"}),
            Map.entry("business_connection", new String[] {"user", "id"}));

    /** The routing key: the chat id, else the user id, else the update id (so every update has a key). */
    public long key() {
        if (chatId.isPresent()) {
            return chatId.getAsLong();
        }
        return userId.isPresent() ? userId.getAsLong() : updateId;
    }

    /**
     * Reads the envelope of a parsed update.
     *
     * @return empty when the node is not an object or has no integer {@code update_id}
     */
    public static Optional<UpdateEnvelope> of(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode id = root.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            return Optional.empty();
        }
        String type = "unknown";
        JsonNode body = null;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals("update_id") && field.getValue().isObject()) {
                type = field.getKey();
                body = field.getValue();
                break;
            }
        }
        OptionalLong chat = body == null ? OptionalLong.empty()
                : longAt(body, CHAT_PATHS.getOrDefault(type, new String[] {"chat", "id"}));
        OptionalLong user = body == null ? OptionalLong.empty()
                : longAt(body, USER_PATHS.getOrDefault(type, new String[] {"from", "id"}));
        return Optional.of(new UpdateEnvelope(id.asLong(), type, chat, user));
    }

    private static OptionalLong longAt(JsonNode node, String[] path) {
        JsonNode current = node;
        for (String step : path) {
            current = current.get(step);
            if (current == null) {
                return OptionalLong.empty();
            }
        }
        return current.isIntegralNumber() && current.canConvertToLong()
                ? OptionalLong.of(current.asLong()) : OptionalLong.empty();
    }
}

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
     * The outcome of reading an update's envelope: the envelope, or why the value cannot be one.
     *
     * @param envelope the envelope, null when there is a problem
     * @param problem  what is wrong, safe to show to whoever sent the value; null when there is an envelope
     */
    public record Read(UpdateEnvelope envelope, String problem) {

        /** The envelope, empty when there is a problem. */
        public Optional<UpdateEnvelope> valid() {
            return Optional.ofNullable(envelope);
        }
    }

    /**
     * Reads the envelope of a parsed update.
     *
     * @return empty when {@link #read} finds a problem
     */
    public static Optional<UpdateEnvelope> of(JsonNode root) {
        return read(root).valid();
    }

    /**
     * The one rule for what an update's ids are, shared by ingress, processor and replay, so that no update is
     * keyed by one chat and acted on in another: {@code update_id} must be an integer, and a chat or user id that is
     * there at all must be an integer too (not {@code "-100"}, not {@code -100.0}, not null). Only a missing id
     * lets the key fall back to the next one.
     */
    public static Read read(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Read(null, "not a JSON object");
        }
        JsonNode id = root.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            return new Read(null, "update_id missing or not an integer");
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
        Id chat = body == null ? Id.ABSENT : idAt(body, CHAT_PATHS.getOrDefault(type, new String[] {"chat", "id"}));
        if (chat.invalid()) {
            return new Read(null, "the chat id of " + type + " is not an integer");
        }
        Id user = body == null ? Id.ABSENT : idAt(body, USER_PATHS.getOrDefault(type, new String[] {"from", "id"}));
        if (user.invalid()) {
            return new Read(null, "the user id of " + type + " is not an integer");
        }
        return new Read(new UpdateEnvelope(id.asLong(), type, chat.value, user.value), null);
    }

    /** An id found along a path: absent, an integer, or there but not an integer. */
    private record Id(OptionalLong value, boolean invalid) {
        static final Id ABSENT = new Id(OptionalLong.empty(), false);
        static final Id INVALID = new Id(OptionalLong.empty(), true);
    }

    private static Id idAt(JsonNode node, String[] path) {
        JsonNode current = node;
        for (String step : path) {
            if (!current.isObject()) {
                return Id.INVALID;
            }
            current = current.get(step);
            if (current == null) {
                return Id.ABSENT;
            }
        }
        return current.isIntegralNumber() && current.canConvertToLong()
                ? new Id(OptionalLong.of(current.asLong()), false) : Id.INVALID;
    }
}

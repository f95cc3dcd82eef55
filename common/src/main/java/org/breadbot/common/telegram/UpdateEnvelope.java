package org.breadbot.common.telegram;

import java.nio.charset.StandardCharsets;
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
 * @param stableId for kinds with neither chat nor user ({@code poll}), a number derived from the id of what they
 *                 are about, so that every update about it gets one key; empty otherwise
 */
public record UpdateEnvelope(long updateId, String type, OptionalLong chatId, OptionalLong userId,
        OptionalLong stableId) {

    /** Where each kind keeps its chat; kinds not listed have none. */
    private static final Map<String, String[]> CHAT_PATHS = Map.ofEntries(
            Map.entry("callback_query", new String[] {"message", "chat", "id"}),
            Map.entry("deleted_business_messages", new String[] {"chat", "id"}),
            Map.entry("message_reaction", new String[] {"chat", "id"}),
            Map.entry("message_reaction_count", new String[] {"chat", "id"}),
            Map.entry("my_chat_member", new String[] {"chat", "id"}),
            Map.entry("chat_member", new String[] {"chat", "id"}),
            Map.entry("chat_join_request", new String[] {"chat", "id"}),
            Map.entry("poll_answer", new String[] {"voter_chat", "id"}),
            Map.entry("chat_boost", new String[] {"chat", "id"}),
            Map.entry("removed_chat_boost", new String[] {"chat", "id"}));

    /** Where each chat-less kind keeps its user; message-like kinds use {@code from.id}. */
    private static final Map<String, String[]> USER_PATHS = Map.ofEntries(
            Map.entry("poll_answer", new String[] {"user", "id"}),
            Map.entry("message_reaction", new String[] {"user", "id"}),
            Map.entry("business_connection", new String[] {"user", "id"}),
            Map.entry("managed_bot", new String[] {"user", "id"}));

    /** Where each kind with neither chat nor user keeps the string id of what it is about. */
    private static final Map<String, String> STABLE_ID_FIELDS = Map.of("poll", "id");

    /** FNV-1a, 64 bit: a fixed function of the id's bytes, the same in every process and every version. */
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Without a stable id: the kinds that have a chat or a user. */
    public UpdateEnvelope(long updateId, String type, OptionalLong chatId, OptionalLong userId) {
        this(updateId, type, chatId, userId, OptionalLong.empty());
    }

    /**
     * The routing key: the chat id, else the user id, else the stable id, else the update id (so every update has a
     * key, and only a kind this code does not know falls back to one that changes with every update).
     */
    public long key() {
        if (chatId.isPresent()) {
            return chatId.getAsLong();
        }
        if (userId.isPresent()) {
            return userId.getAsLong();
        }
        return stableId.isPresent() ? stableId.getAsLong() : updateId;
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
        return new Read(new UpdateEnvelope(id.asLong(), type, chat.value, user.value, stableIdOf(type, body)), null);
    }

    private static OptionalLong stableIdOf(String type, JsonNode body) {
        String field = STABLE_ID_FIELDS.get(type);
        JsonNode id = body == null || field == null ? null : body.get(field);
        if (id == null || !id.isString() || id.asString().isEmpty()) {
            return OptionalLong.empty();
        }
        long hash = FNV_OFFSET_BASIS;
        for (byte b : id.asString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return OptionalLong.of(hash);
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

package org.breadbot.replay;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.UpdateKinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the messages of one chat's Telegram Desktop export ({@code result.json}, machine-readable JSON) into the
 * Bot API updates Telegram would have sent a bot in that chat: the same field names and shapes as
 * {@code telegram.updates} holds, so export, stats and replay read both alike.
 *
 * <p>What the export does not have is made up the same way every time: {@code update_id} is the message id (so an
 * import of the same file writes the same updates), a file's {@code file_id} is {@code tdesktop:} and its path in
 * the export, and a replied-to message older than the last {@value #REMEMBERED} is given by its id alone.
 */
final class TdesktopUpdates {

    /** Basic groups have ids above this; supergroups and channels are −(10¹² + id) in the Bot API. */
    private static final long CHANNEL_ID_OFFSET = 1_000_000_000_000L;
    /** Earlier messages kept for the {@code reply_to_message} of later ones. */
    static final int REMEMBERED = 10_000;
    private static final String FILE_ID_PREFIX = "tdesktop:";
    /** Telegram Desktop's own entity names where the Bot API's differ; "plain" is text without an entity. */
    private static final Map<String, String> ENTITY_TYPES = Map.ofEntries(
            Map.entry("bold", "bold"), Map.entry("italic", "italic"), Map.entry("underline", "underline"),
            Map.entry("strikethrough", "strikethrough"), Map.entry("spoiler", "spoiler"), Map.entry("code", "code"),
            Map.entry("pre", "pre"), Map.entry("blockquote", "blockquote"), Map.entry("text_link", "text_link"),
            Map.entry("link", "url"), Map.entry("mention", "mention"), Map.entry("mention_name", "text_mention"),
            Map.entry("hashtag", "hashtag"), Map.entry("cashtag", "cashtag"), Map.entry("bot_command", "bot_command"),
            Map.entry("email", "email"), Map.entry("phone", "phone_number"), Map.entry("bank_card", "bank_card"));

    /** A problem with one message, told in the export's own terms. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message);
        }
    }

    /**
     * The chat the export is of, as the Bot API names it.
     *
     * @param id   the Bot API chat id
     * @param type {@code private}, {@code group}, {@code supergroup} or {@code channel}
     * @param name the chat's title (the other person's name for a private chat)
     */
    record Chat(long id, String type, String name) {

        /** From the export's {@code type} and {@code id}; {@code override} (the Bot API id) wins when given. */
        static Chat of(String exportType, long exportId, String name, Long override) {
            String type;
            long id;
            switch (exportType == null ? "" : exportType) {
                case "personal_chat", "bot_chat", "saved_messages" -> {
                    type = "private";
                    id = exportId;
                }
                case "private_group" -> {
                    type = "group";
                    id = -exportId;
                }
                case "private_supergroup", "public_supergroup" -> {
                    type = "supergroup";
                    id = -(CHANNEL_ID_OFFSET + exportId);
                }
                case "private_channel", "public_channel" -> {
                    type = "channel";
                    id = -(CHANNEL_ID_OFFSET + exportId);
                }
                default -> throw new Problem("chat type \"" + exportType + "\" is none Telegram Desktop writes "
                        + "(personal_chat, private_group, private_supergroup, public_supergroup, ...)");
            }
            return new Chat(override != null ? override : id, type, name == null ? "" : name);
        }

        ObjectNode node() {
            ObjectNode chat = Json.mapper().createObjectNode().put("id", id).put("type", type);
            return "private".equals(type) ? chat.put("first_name", name) : chat.put("title", name);
        }

        /** Channels get channel posts; every other chat messages. */
        String updateKind() {
            return "channel".equals(type) ? UpdateKinds.CHANNEL_POST : UpdateKinds.MESSAGE;
        }
    }

    /** One update made from a message, with the time it was sent (the record's timestamp). */
    record Imported(long messageId, long epochSeconds, ObjectNode update) {
    }

    private final Chat chat;
    private final ZoneId zone;
    private final Map<Long, ObjectNode> earlier = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ObjectNode> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param zone how to read the local {@code date} of exports older than {@code date_unixtime} */
    TdesktopUpdates(Chat chat, ZoneId zone) {
        this.chat = chat;
        this.zone = zone;
    }

    Imported toUpdate(JsonNode message) {
        if (!message.isObject()) {
            throw new Problem("a message must be a JSON object, not " + message.getNodeType());
        }
        JsonNode idNode = message.get("id");
        if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong()) {
            throw new Problem("\"id\" is missing or not an integer");
        }
        long id = idNode.asLong();
        String type = message.path("type").asString("");
        if (!type.equals("message") && !type.equals("service")) {
            throw new Problem("message " + id + ": type \"" + type + "\" is neither message nor service");
        }
        try {
            long date = dateOf(message);
            ObjectNode out = Json.mapper().createObjectNode().put("message_id", id);
            sender(message, type.equals("service") ? "actor" : "from", out);
            out.set("chat", chat.node());
            out.put("date", date);
            if (message.has("edited_unixtime")) {
                out.put("edit_date", seconds(message.get("edited_unixtime"), "edited_unixtime"));
            }
            replyTo(message, out);
            if (type.equals("service")) {
                service(message, out);
            } else {
                content(message, out);
            }
            earlier.put(id, brief(out));
            ObjectNode update = Json.mapper().createObjectNode().put("update_id", id);
            update.set(chat.updateKind(), out);
            return new Imported(id, date, update);
        } catch (Problem problem) {
            throw new Problem("message " + id + ": " + problem.getMessage());
        }
    }

    private long dateOf(JsonNode message) {
        if (message.has("date_unixtime")) {
            return seconds(message.get("date_unixtime"), "date_unixtime");
        }
        String local = message.path("date").asString("");
        try {
            return LocalDateTime.parse(local).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new Problem("neither date_unixtime nor a date like 2024-05-01T12:00:00 (\"" + local + "\")");
        }
    }

    /** Telegram Desktop writes Unix times as decimal strings; numbers are taken too. */
    private static long seconds(JsonNode value, String field) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isString() && value.asString().matches("\\d{1,12}")) {
            return Long.parseLong(value.asString());
        }
        throw new Problem(field + " \"" + value.asString(String.valueOf(value)) + "\" is not a Unix time");
    }

    /** {@code from_id}/{@code actor_id} is "user123", "channel123" or "chat123"; null for a deleted account. */
    private void sender(JsonNode message, String nameField, ObjectNode out) {
        JsonNode idNode = message.get(nameField + "_id");
        if (idNode == null || idNode.isNull()) {
            return;
        }
        String peer = idNode.asString("");
        String name = message.path(nameField).isString() ? message.get(nameField).asString() : "Deleted Account";
        if (peer.matches("user\\d{1,19}")) {
            out.set("from", user(Long.parseLong(peer.substring(4)), name));
        } else if (peer.matches("channel\\d{1,19}")) {
            out.set("sender_chat", Json.mapper().createObjectNode()
                    .put("id", -(CHANNEL_ID_OFFSET + Long.parseLong(peer.substring(7))))
                    .put("type", "channel").put("title", name));
        } else if (peer.matches("chat\\d{1,19}")) {
            out.set("sender_chat", Json.mapper().createObjectNode()
                    .put("id", -Long.parseLong(peer.substring(4))).put("type", "group").put("title", name));
        } else {
            throw new Problem(nameField + "_id \"" + peer + "\" is not user<digits>, channel<digits> or chat<digits>");
        }
    }

    private static ObjectNode user(long id, String name) {
        return Json.mapper().createObjectNode().put("id", id).put("is_bot", false).put("first_name", name);
    }

    private void replyTo(JsonNode message, ObjectNode out) {
        JsonNode target = message.get("reply_to_message_id");
        if (target == null) {
            return;
        }
        if (!target.isIntegralNumber()) {
            throw new Problem("reply_to_message_id is not an integer");
        }
        ObjectNode replied = earlier.get(target.asLong());
        if (replied == null) {
            // older than the file or than what is remembered: Telegram's own shape for a message it cannot show
            replied = Json.mapper().createObjectNode().put("message_id", target.asLong());
            replied.set("chat", chat.node());
            replied.put("date", 0);
        }
        out.set("reply_to_message", replied.deepCopy());
    }

    /** What a reply carries of the message it answers: no nested reply, as Telegram sends it. */
    private static ObjectNode brief(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.remove("reply_to_message");
        return copy;
    }

    private void content(JsonNode message, ObjectNode out) {
        Text text = text(message.get("text"));
        boolean media = media(message, out);
        if (!text.plain.isEmpty()) {
            out.put(media ? "caption" : "text", text.plain);
            if (!text.entities.isEmpty()) {
                out.set(media ? "caption_entities" : "entities", text.entities);
            }
        }
        if (message.path("forwarded_from").isString()) {
            out.putObject("forward_origin").put("type", "hidden_user")
                    .put("sender_user_name", message.get("forwarded_from").asString())
                    .put("date", out.get("date").asLong());
        }
    }

    /** The plain text and its entities (offsets in UTF-16 code units, as Java strings count). */
    private record Text(String plain, ArrayNode entities) {
    }

    private static Text text(JsonNode text) {
        ArrayNode entities = Json.mapper().createArrayNode();
        if (text == null || text.isNull()) {
            return new Text("", entities);
        }
        if (text.isString()) {
            return new Text(text.asString(), entities);
        }
        if (!text.isArray()) {
            throw new Problem("text is neither a string nor an array");
        }
        StringBuilder plain = new StringBuilder();
        for (JsonNode part : text) {
            if (part.isString()) {
                plain.append(part.asString());
            } else if (part.isObject() && part.path("text").isString()) {
                String piece = part.get("text").asString();
                ObjectNode entity = entity(part, plain.length(), piece.length());
                if (entity != null) {
                    entities.add(entity);
                }
                plain.append(piece);
            } else {
                throw new Problem("a text part is neither a string nor an object with a text");
            }
        }
        return new Text(plain.toString(), entities);
    }

    private static ObjectNode entity(JsonNode part, int offset, int length) {
        String type = ENTITY_TYPES.get(part.path("type").asString(""));
        if (type == null || length == 0) {
            return null;
        }
        ObjectNode entity = Json.mapper().createObjectNode().put("type", type).put("offset", offset)
                .put("length", length);
        switch (type) {
            case "text_link" -> entity.put("url", part.path("href").asString(""));
            case "pre" -> {
                if (!part.path("language").asString("").isEmpty()) {
                    entity.put("language", part.get("language").asString());
                }
            }
            case "text_mention" -> {
                if (!part.path("user_id").canConvertToLong()) {
                    return null;
                }
                entity.set("user", user(part.get("user_id").asLong(), part.get("text").asString()));
            }
            default -> {
            }
        }
        return entity;
    }

    /** Adds the message's photo, file, location, contact or poll; true when it has one (its text is a caption). */
    private static boolean media(JsonNode message, ObjectNode out) {
        if (message.has("photo")) {
            out.putArray("photo").add(file(message.get("photo")).put("width", message.path("width").asInt(0))
                    .put("height", message.path("height").asInt(0)));
            return true;
        }
        if (message.has("file")) {
            ObjectNode file = file(message.get("file"));
            String mime = message.path("mime_type").asString("");
            int duration = message.path("duration_seconds").asInt(0);
            switch (message.path("media_type").asString("")) {
                case "sticker" -> out.set("sticker", file.put("type", "regular")
                        .put("width", message.path("width").asInt(512)).put("height", message.path("height").asInt(512))
                        .put("is_animated", mime.equals("application/x-tgsticker")).put("is_video",
                                mime.startsWith("video/"))
                        .put("emoji", message.path("sticker_emoji").asString("")));
                case "voice_message" -> out.set("voice", file.put("duration", duration).put("mime_type", mime));
                case "video_message" -> out.set("video_note", file.put("length", message.path("width").asInt(0))
                        .put("duration", duration));
                case "video_file" -> out.set("video", file.put("width", message.path("width").asInt(0))
                        .put("height", message.path("height").asInt(0)).put("duration", duration)
                        .put("mime_type", mime));
                case "animation" -> out.set("animation", file.put("width", message.path("width").asInt(0))
                        .put("height", message.path("height").asInt(0)).put("duration", duration));
                case "audio_file" -> out.set("audio", file.put("duration", duration)
                        .put("performer", message.path("performer").asString(""))
                        .put("title", message.path("title").asString("")));
                default -> out.set("document", file.put("file_name", fileName(message.get("file").asString("")))
                        .put("mime_type", mime));
            }
            return true;
        }
        if (message.path("location_information").isObject()) {
            JsonNode location = message.get("location_information");
            out.putObject("location").put("latitude", location.path("latitude").asDouble())
                    .put("longitude", location.path("longitude").asDouble());
            return true;
        }
        if (message.path("contact_information").isObject()) {
            JsonNode contact = message.get("contact_information");
            out.putObject("contact").put("phone_number", contact.path("phone_number").asString(""))
                    .put("first_name", contact.path("first_name").asString(""))
                    .put("last_name", contact.path("last_name").asString(""));
            return true;
        }
        if (message.path("poll").isObject()) {
            out.set("poll", poll(message.get("poll"), message.get("id").asLong()));
            return true;
        }
        return false;
    }

    private static ObjectNode file(JsonNode path) {
        String id = FILE_ID_PREFIX + path.asString("");
        return Json.mapper().createObjectNode().put("file_id", id).put("file_unique_id", id);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static ObjectNode poll(JsonNode poll, long messageId) {
        ObjectNode out = Json.mapper().createObjectNode().put("id", FILE_ID_PREFIX + "poll:" + messageId)
                .put("question", poll.path("question").asString(""));
        ArrayNode options = out.putArray("options");
        int index = 0;
        for (JsonNode answer : poll.path("answers")) {
            options.addObject().put("persistent_id", Integer.toString(index++))
                    .put("text", answer.path("text").asString("")).put("voter_count", answer.path("voters").asInt(0));
        }
        return out.put("total_voter_count", poll.path("total_voters").asInt(0))
                .put("is_closed", poll.path("closed").asBoolean(false)).put("is_anonymous", true)
                .put("type", "regular").put("allows_multiple_answers", false).put("allows_revoting", false)
                .put("members_only", false);
    }

    /** The service messages the Bot API has a field for; the others keep only who and when. */
    private void service(JsonNode message, ObjectNode out) {
        switch (message.path("action").asString("")) {
            case "create_group" -> out.put("group_chat_created", true);
            case "create_channel" -> out.put("channel_chat_created", true);
            case "join_group_by_link", "join_group_by_request" -> {
                if (out.has("from")) {
                    out.putArray("new_chat_members").add(out.get("from").deepCopy());
                }
            }
            case "remove_members" -> {
                JsonNode members = message.path("members");
                if (out.has("from") && members.size() == 1
                        && members.get(0).asString("").equals(out.get("from").path("first_name").asString())) {
                    out.set("left_chat_member", out.get("from").deepCopy());
                }
            }
            case "pin_message" -> {
                ObjectNode pinned = out.putObject("pinned_message");
                pinned.set("chat", chat.node());
                pinned.put("message_id", message.path("message_id").asLong(0)).put("date", 0);
            }
            case "edit_group_title" -> out.put("new_chat_title", message.path("title").asString(""));
            case "edit_group_photo" -> out.putArray("new_chat_photo").add(file(message.path("photo"))
                    .put("width", message.path("width").asInt(0)).put("height", message.path("height").asInt(0)));
            case "delete_group_photo" -> out.put("delete_chat_photo", true);
            default -> {
            }
        }
        // a service message's "text" is empty or Telegram Desktop's rendering of the action: nobody wrote it
    }
}

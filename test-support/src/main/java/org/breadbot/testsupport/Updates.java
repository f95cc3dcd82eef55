package org.breadbot.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builders of Telegram {@code Update} JSON with the Bot API's exact field names, e.g.
 * {@code Updates.text("Хлеб топ").inGroup(-100L).from(TestUsers.ALICE).json()}.
 *
 * <p>Update ids and message ids are unique per JVM (auto-incremented when a builder is created) unless set;
 * {@code date} is the creation time in epoch seconds. Without {@link Builder#inGroup} the message is in the
 * private chat with its sender ({@link TestUsers#ALICE} unless {@link Builder#from} says otherwise).
 */
public final class Updates {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(500_000_000L);
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1);
    private static final JsonMapper MAPPER = Json.mapper();

    /** Basic groups have ids above this; supergroups and channels are −(10¹² + id) (telegram-bot-api.md §3). */
    private static final long SUPERGROUP_ID_BOUND = -1_000_000_000_000L;

    private Updates() {
    }

    /** A text message; text starting with {@code /} gets a {@code bot_command} entity, as Telegram sends it. */
    public static Builder text(String text) {
        return new Builder().text(text);
    }

    /** A regular (static) sticker. */
    public static Builder sticker(String fileId, String fileUniqueId) {
        ObjectNode sticker = file(fileId, fileUniqueId)
                .put("type", "regular").put("width", 512).put("height", 512)
                .put("is_animated", false).put("is_video", false).put("emoji", "🍞");
        return new Builder().field("sticker", sticker);
    }

    /**
     * A photo: an array of three sizes; the largest (last) carries {@code fileId}/{@code fileUniqueId},
     * the smaller ones derived ids ({@code fileId + "_s"}, {@code fileId + "_m"}).
     */
    public static Builder photo(String fileId, String fileUniqueId) {
        ArrayNode sizes = MAPPER.createArrayNode();
        sizes.add(file(fileId + "_s", fileUniqueId + "_s").put("width", 90).put("height", 67).put("file_size", 1_200));
        sizes.add(file(fileId + "_m", fileUniqueId + "_m").put("width", 320).put("height", 240).put("file_size", 15_000));
        sizes.add(file(fileId, fileUniqueId).put("width", 1280).put("height", 960).put("file_size", 120_000));
        return new Builder().field("photo", sizes);
    }

    /** A voice message (3 s, OGG/Opus). */
    public static Builder voice(String fileId, String fileUniqueId) {
        ObjectNode voice = file(fileId, fileUniqueId)
                .put("duration", 3).put("mime_type", "audio/ogg").put("file_size", 12_345);
        return new Builder().field("voice", voice);
    }

    /** An animation (GIF as MP4); like Telegram, the message also carries the same file as {@code document}. */
    public static Builder animation(String fileId, String fileUniqueId) {
        ObjectNode animation = file(fileId, fileUniqueId)
                .put("width", 320).put("height", 240).put("duration", 2)
                .put("file_name", "animation.mp4").put("mime_type", "video/mp4").put("file_size", 54_321);
        ObjectNode document = file(fileId, fileUniqueId)
                .put("file_name", "animation.mp4").put("mime_type", "video/mp4").put("file_size", 54_321);
        return new Builder().field("animation", animation).field("document", document);
    }

    /** A video (5 s, MP4). */
    public static Builder video(String fileId, String fileUniqueId) {
        ObjectNode video = file(fileId, fileUniqueId)
                .put("width", 640).put("height", 360).put("duration", 5)
                .put("mime_type", "video/mp4").put("file_size", 765_432);
        return new Builder().field("video", video);
    }

    /** A video note (the round video message). */
    public static Builder videoNote(String fileId, String fileUniqueId) {
        ObjectNode note = file(fileId, fileUniqueId)
                .put("length", 240).put("duration", 4).put("file_size", 98_765);
        return new Builder().field("video_note", note);
    }

    /** A document (PDF). */
    public static Builder document(String fileId, String fileUniqueId) {
        ObjectNode document = file(fileId, fileUniqueId)
                .put("file_name", "bread.pdf").put("mime_type", "application/pdf").put("file_size", 4_096);
        return new Builder().field("document", document);
    }

    /** The service message that {@code user} left the group (or was removed); put it in the group with inGroup. */
    public static Builder leftChatMember(User user) {
        return new Builder().field("left_chat_member", user);
    }

    /**
     * A {@code chat_member} update: {@code user}'s status in the group changed from {@code oldStatus} to
     * {@code newStatus} ({@code member}, {@code left}, {@code kicked}, ...), changed by {@code from} (an admin).
     */
    public static Builder chatMember(long groupId, User user, String oldStatus, String newStatus) {
        return new Builder().membership("chat_member", user, oldStatus, newStatus).inGroup(groupId);
    }

    /** A {@code my_chat_member} update: the bot's own status in the chat changed (added, removed, kicked, ...). */
    public static Builder myChatMember(long chatId, String oldStatus, String newStatus) {
        return new Builder().membership("my_chat_member", TestUsers.bot(1_000_000L, "bread_bot"), oldStatus,
                newStatus).inGroup(chatId);
    }

    /** The service message in the old group that it became the supergroup {@code newChatId}. */
    public static Builder migrateTo(long oldGroupId, long newChatId) {
        return new Builder().field("migrate_to_chat_id", newChatId).inGroup(oldGroupId);
    }

    /** The service message in the new supergroup that it was the group {@code oldGroupId}. */
    public static Builder migrateFrom(long oldGroupId, long newChatId) {
        return new Builder().field("migrate_from_chat_id", oldGroupId).inGroup(newChatId);
    }

    /** A message with no content yet; add fields with {@link Builder#field}. */
    public static Builder message() {
        return new Builder();
    }

    private static ObjectNode file(String fileId, String fileUniqueId) {
        return MAPPER.createObjectNode().put("file_id", fileId).put("file_unique_id", fileUniqueId);
    }

    /** One update under construction. Not thread-safe; {@link #json()} may be called repeatedly. */
    public static final class Builder {

        private long updateId = UPDATE_IDS.incrementAndGet();
        private int messageId = MESSAGE_IDS.getAndIncrement();
        private long date = Instant.now().getEpochSecond();
        private User from = TestUsers.ALICE;
        private Long groupId;
        private String groupTitle;
        private boolean forum;
        private Integer topicId;
        private String text;
        private String caption;
        private Builder replyTo;
        private Long editDate;
        private final Map<String, JsonNode> fields = new LinkedHashMap<>();
        private String membershipKind;
        private ObjectNode membershipChange;

        private Builder() {
        }

        private Builder membership(String kind, User member, String oldStatus, String newStatus) {
            this.membershipKind = kind;
            this.membershipChange = MAPPER.createObjectNode();
            membershipChange.putObject("old_chat_member").put("status", oldStatus).set("user",
                    MAPPER.valueToTree(member));
            membershipChange.putObject("new_chat_member").put("status", newStatus).set("user",
                    MAPPER.valueToTree(member));
            return this;
        }

        /** Sets {@code update_id}. */
        public Builder id(long updateId) {
            this.updateId = updateId;
            return this;
        }

        /** Sets {@code message_id}. */
        public Builder messageId(int messageId) {
            this.messageId = messageId;
            return this;
        }

        /** Sets the sender ({@code from}); in a private chat also the chat. */
        public Builder from(User user) {
            this.from = user;
            return this;
        }

        /** Puts the message in a group: type {@code supergroup} for ids ≤ −10¹², else {@code group}. */
        public Builder inGroup(long chatId) {
            return inGroup(chatId, "Test group " + chatId);
        }

        /** Puts the message in a group with the given title. */
        public Builder inGroup(long chatId, String title) {
            this.groupId = chatId;
            this.groupTitle = title;
            return this;
        }

        /**
         * Makes the group a forum supergroup ({@code is_forum}); the message is in its General topic unless
         * {@link #inTopic} names another.
         */
        public Builder forum() {
            this.forum = true;
            return this;
        }

        /**
         * Puts the message in forum topic {@code threadId} of its group, as Telegram does: {@code message_thread_id},
         * {@code is_topic_message}, and, when it answers nothing else, the topic's opening service message (id =
         * the thread id, {@code forum_topic_created}) as {@code reply_to_message}.
         */
        public Builder inTopic(int threadId) {
            this.forum = true;
            this.topicId = threadId;
            return this;
        }

        /** Puts the message in the private chat with its sender: chat id = {@code from.id} (the default). */
        public Builder privateChat() {
            this.groupId = null;
            this.groupTitle = null;
            return this;
        }

        /** Sets the message {@code date} (epoch seconds). */
        public Builder date(long epochSeconds) {
            this.date = epochSeconds;
            return this;
        }

        /** Sets {@code text}. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Sets {@code caption}. */
        public Builder caption(String caption) {
            this.caption = caption;
            return this;
        }

        /**
         * Makes this message a reply to the other builder's message, nested one level as Telegram does (the
         * nested message has no {@code reply_to_message} of its own and is put in this message's chat).
         */
        public Builder replyTo(Builder original) {
            this.replyTo = original;
            return this;
        }

        /** Delivers the message as {@code edited_message} with {@code edit_date} = now. */
        public Builder edited() {
            return edited(Math.max(date, Instant.now().getEpochSecond()));
        }

        /** Delivers the message as {@code edited_message} with the given {@code edit_date}. */
        public Builder edited(long editDate) {
            this.editDate = editDate;
            return this;
        }

        /** Adds (or replaces) any message field, e.g. {@code field("location", Map.of(...))}. */
        public Builder field(String name, Object value) {
            fields.put(name, MAPPER.valueToTree(value));
            return this;
        }

        /** The {@code update_id}. */
        public long id() {
            return updateId;
        }

        /** The {@code message_id}. */
        public int messageId() {
            return messageId;
        }

        /** The chat id the message will be in. */
        public long chatId() {
            return groupId != null ? groupId : from.id();
        }

        /** The update as a JSON tree. */
        public ObjectNode node() {
            ObjectNode update = MAPPER.createObjectNode().put("update_id", updateId);
            if (membershipKind != null) {
                ObjectNode change = membershipChange.deepCopy();
                change.set("chat", chatNode());
                change.set("from", MAPPER.valueToTree(from));
                change.put("date", date);
                update.set(membershipKind, change);
                return update;
            }
            update.set(editDate != null ? "edited_message" : "message", messageNode(chatNode(), true));
            return update;
        }

        /** The update as JSON text. */
        public String json() {
            return MAPPER.writeValueAsString(node());
        }

        /** The update as UTF-8 JSON bytes (what Telegram POSTs and what lands in Kafka). */
        public byte[] bytes() {
            return json().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return json();
        }

        private ObjectNode messageNode(ObjectNode chat, boolean withReply) {
            ObjectNode message = MAPPER.createObjectNode().put("message_id", messageId);
            message.set("from", MAPPER.valueToTree(from));
            message.set("chat", chat);
            message.put("date", date);
            if (editDate != null) {
                message.put("edit_date", editDate);
            }
            if (topicId != null) {
                message.put("message_thread_id", topicId).put("is_topic_message", true);
            }
            if (withReply && replyTo != null) {
                message.set("reply_to_message", replyTo.messageNode(chat.deepCopy(), false));
            } else if (withReply && topicId != null) {
                ObjectNode opening = MAPPER.createObjectNode().put("message_id", topicId);
                opening.set("from", MAPPER.valueToTree(from));
                opening.set("chat", chat.deepCopy());
                opening.put("date", date).put("message_thread_id", topicId).put("is_topic_message", true);
                opening.putObject("forum_topic_created").put("name", "Topic " + topicId).put("icon_color", 7322096);
                message.set("reply_to_message", opening);
            }
            if (text != null) {
                message.put("text", text);
                commandEntity(text).ifPresent(entity -> message.putArray("entities").add(entity));
            }
            fields.forEach((name, value) -> message.set(name, value.deepCopy()));
            if (caption != null) {
                message.put("caption", caption);
            }
            return message;
        }

        private ObjectNode chatNode() {
            ObjectNode chat = MAPPER.createObjectNode().put("id", chatId());
            if (groupId != null) {
                if (forum) {
                    return chat.put("title", groupTitle).put("type", "supergroup").put("is_forum", true);
                }
                return chat.put("title", groupTitle)
                        .put("type", groupId <= SUPERGROUP_ID_BOUND ? "supergroup" : "group");
            }
            chat.put("first_name", from.firstName());
            if (from.lastName() != null) {
                chat.put("last_name", from.lastName());
            }
            if (from.username() != null) {
                chat.put("username", from.username());
            }
            return chat.put("type", "private");
        }

        private static Optional<ObjectNode> commandEntity(String text) {
            if (!text.startsWith("/") || text.length() < 2 || Character.isWhitespace(text.charAt(1))) {
                return Optional.empty();
            }
            int end = 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            // offset and length count UTF-16 code units, which is what String indices are
            return Optional.of(MAPPER.createObjectNode()
                    .put("offset", 0).put("length", end).put("type", "bot_command"));
        }
    }
}

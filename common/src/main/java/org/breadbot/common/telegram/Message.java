package org.breadbot.common.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Telegram Bot API type {@code Message}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Message(
        int messageId,
        Integer messageThreadId,
        Boolean isTopicMessage,
        User from,
        Chat senderChat,
        long date,
        Long editDate,
        Chat chat,
        Message replyToMessage,
        String text,
        List<MessageEntity> entities,
        String caption,
        List<MessageEntity> captionEntities,
        List<PhotoSize> photo,
        Voice voice,
        Sticker sticker,
        Animation animation,
        Video video,
        VideoNote videoNote,
        Document document,
        String mediaGroupId,
        List<User> newChatMembers,
        User leftChatMember,
        Long migrateToChatId,
        Long migrateFromChatId,
        ForumTopicCreated forumTopicCreated) {

    /**
     * The forum topic the message was sent in, or null outside forum topics. Telegram also sets
     * {@code message_thread_id} on replies in ordinary supergroups (the thread of replies), where sending with it
     * would be refused; only {@code is_topic_message} says it names a topic.
     */
    public Integer topicThreadId() {
        return Boolean.TRUE.equals(isTopicMessage) ? messageThreadId : null;
    }

    /**
     * The message this one answers, or null. In a forum topic a message that answers nothing carries the topic's
     * opening service message as {@code reply_to_message}; that is no answer.
     */
    public Message repliedMessage() {
        return replyToMessage == null || replyToMessage.forumTopicCreated() != null ? null : replyToMessage;
    }

    /** The text, or the empty string when the message has none (spec §2.1). */
    public String textOrEmpty() {
        return text == null ? "" : text;
    }
}

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
        Long migrateFromChatId) {

    /** The text, or the empty string when the message has none (spec §2.1). */
    public String textOrEmpty() {
        return text == null ? "" : text;
    }
}

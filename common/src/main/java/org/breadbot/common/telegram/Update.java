package org.breadbot.common.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Telegram Bot API type {@code Update}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Update(
        long updateId,
        Message message,
        Message editedMessage,
        Message channelPost,
        Message editedChannelPost,
        ChatMemberUpdated myChatMember,
        ChatMemberUpdated chatMember) {

    /** The message the bot processes: the edited one if present, otherwise the new one (spec §2.2). */
    public Message effectiveMessage() {
        return editedMessage != null ? editedMessage : message;
    }

    /** True when the processed message is an edit. */
    public boolean isEdit() {
        return editedMessage != null;
    }
}

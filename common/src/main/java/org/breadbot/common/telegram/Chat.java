package org.breadbot.common.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Telegram Bot API type {@code Chat}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Chat(
        long id,
        String type,
        String title,
        String username,
        String firstName,
        String lastName,
        Boolean isForum) {

    /** True for groups, supergroups and channels; false for private chats. */
    public boolean isGroup() {
        return !"private".equals(type);
    }
}

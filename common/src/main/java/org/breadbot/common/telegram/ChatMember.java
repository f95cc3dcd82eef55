package org.breadbot.common.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Telegram Bot API type {@code ChatMember}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatMember(
        String status,
        User user,
        String customTitle,
        Boolean isAnonymous,
        Long untilDate) {

    /** Owners ({@code creator}) and administrators. */
    public boolean isAdministrator() {
        return "creator".equals(status) || "administrator".equals(status);
    }
}

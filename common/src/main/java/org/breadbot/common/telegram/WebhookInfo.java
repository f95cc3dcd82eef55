package org.breadbot.common.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Telegram Bot API type {@code WebhookInfo}; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookInfo(
        String url,
        boolean hasCustomCertificate,
        int pendingUpdateCount,
        String ipAddress,
        Long lastErrorDate,
        String lastErrorMessage,
        Integer maxConnections,
        List<String> allowedUpdates) {
}

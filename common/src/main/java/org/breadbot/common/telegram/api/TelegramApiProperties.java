package org.breadbot.common.telegram.api;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the Bot API is called.
 *
 * @param baseUrl        {@code TELEGRAM_API_BASE_URL}; requests go to {@code {base}/bot{token}/{method}}
 * @param botToken       {@code TELEGRAM_BOT_TOKEN}; never logged (see {@link #toString()})
 * @param requestTimeout how long one ordinary call may take before it counts as a timeout
 */
@ConfigurationProperties("telegram.api")
public record TelegramApiProperties(
        @DefaultValue("https://api.telegram.org") URI baseUrl,
        String botToken,
        @DefaultValue("10s") Duration requestTimeout) {

    /** True when a token is configured. */
    public boolean hasToken() {
        return botToken != null && !botToken.isBlank();
    }

    @Override
    public String toString() {
        return "TelegramApiProperties[baseUrl=" + baseUrl + ", botToken=" + (hasToken() ? "***" : "<unset>")
                + ", requestTimeout=" + requestTimeout + "]";
    }
}

package org.breadbot.ingress.webhook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one HTTP client may hold of ingress: without these, a client that sends a request one byte at a time keeps
 * a connection (and its buffers) for as long as it likes, and enough of them take the server. Telegram sends a
 * whole update at once and at most {@code max_connections} (≤ 100) at a time, so the bounds never touch it.
 *
 * @param headerTimeout  the request line and headers must have arrived this long after the connection opened
 * @param readTimeout    the longest pause between two reads of a request body
 * @param requestTimeout the whole body must have arrived this long after the headers
 * @param idleTimeout    a kept-alive connection with no request is closed after this
 * @param maxConnections open connections beyond this are refused (accepted and closed at once)
 */
@Validated
@ConfigurationProperties("bread-bot.ingress.connections")
public record ConnectionLimits(
        @DefaultValue("10s") @NotNull Duration headerTimeout,
        @DefaultValue("5s") @NotNull Duration readTimeout,
        @DefaultValue("15s") @NotNull Duration requestTimeout,
        @DefaultValue("60s") @NotNull Duration idleTimeout,
        @DefaultValue("1000") @Min(1) int maxConnections) {
}

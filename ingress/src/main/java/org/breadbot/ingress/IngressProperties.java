package org.breadbot.ingress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.breadbot.common.telegram.UpdateKinds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How ingress takes updates and hands them to Kafka.
 *
 * @param allowedUpdates update kinds asked of Telegram (setWebhook and getUpdates): by default the four the bot acts
 *                       on ({@code chat_member} has to be asked for by name); an empty list means Telegram's own
 *                       default set, which leaves {@code chat_member} and the reactions out
 * @param webhook        the webhook endpoint and its optional registration
 * @param polling        the optional long-polling source
 * @param kafka          produce and health timeouts
 */
@Validated
@ConfigurationProperties("bread-bot.ingress")
public record IngressProperties(
        @DefaultValue({UpdateKinds.MESSAGE, UpdateKinds.EDITED_MESSAGE, UpdateKinds.MY_CHAT_MEMBER,
                UpdateKinds.CHAT_MEMBER}) @NotNull List<String> allowedUpdates,
        @DefaultValue @Valid Webhook webhook,
        @DefaultValue @Valid Polling polling,
        @DefaultValue @Valid Kafka kafka) {

    /** A misspelt kind would make Telegram refuse setWebhook, or silently send nothing of that kind. */
    @AssertTrue(message = "allowed-updates must name Bot API update kinds (message, edited_message, chat_member, ...)")
    public boolean isEveryAllowedUpdateKnown() {
        return allowedUpdates == null || UpdateKinds.ALL.containsAll(allowedUpdates);
    }

    /** Both modes at once would make Telegram answer every getUpdates with 409. */
    @AssertTrue(message = "polling.enabled and webhook.register-url exclude each other")
    public boolean isOneModeOfDelivery() {
        return !(polling.enabled() && webhook.registers());
    }

    /**
     * @param secret             {@code TELEGRAM_WEBHOOK_SECRET}; when set, requests must carry it in
     *                           {@code X-Telegram-Bot-Api-Secret-Token}. Never logged.
     * @param previousSecret     also accepted while a rotation is under way (deliveries in flight carry the old one)
     * @param maxBodySize        larger bodies are refused with 413; no real update comes close
     * @param retryAfter         sent with 503 so Telegram waits that long before redelivering
     * @param registerUrl        when set, setWebhook is called at start-up unless Telegram already has this URL
     * @param registerOnly       register the webhook (always calling setWebhook), then exit
     * @param dropPendingUpdates passed to setWebhook
     * @param allowUnauthenticated serve the webhook without a secret, for local use only; without it (the default)
     *                           ingress refuses to start when no secret is set (see {@code WebhookSecretGuard})
     */
    public record Webhook(
            String secret,
            String previousSecret,
            @DefaultValue("1MB") @NotNull DataSize maxBodySize,
            @DefaultValue("5s") @NotNull Duration retryAfter,
            String registerUrl,
            @DefaultValue("false") boolean registerOnly,
            @DefaultValue("false") boolean dropPendingUpdates,
            @DefaultValue("false") boolean allowUnauthenticated) {

        /** Telegram's rule for secret_token; checked here so a bad value fails at start-up, not at setWebhook. */
        private static final Pattern SECRET_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,256}");

        /** The properties are bound through this one. */
        @ConstructorBinding
        public Webhook {
        }

        /** Without {@code allowUnauthenticated} (false), as before it existed. */
        public Webhook(String secret, String previousSecret, DataSize maxBodySize, Duration retryAfter,
                String registerUrl, boolean registerOnly, boolean dropPendingUpdates) {
            this(secret, previousSecret, maxBodySize, retryAfter, registerUrl, registerOnly, dropPendingUpdates, false);
        }

        public boolean requiresSecret() {
            return secret != null && !secret.isEmpty();
        }

        public boolean registers() {
            return registerUrl != null && !registerUrl.isBlank();
        }

        /** Reported by name only: a validation failure must not print the secret itself. */
        @AssertTrue(message = "secret and previous-secret must be 1-256 characters of A-Z a-z 0-9 _ -")
        public boolean isSecretWellFormed() {
            return wellFormed(secret) && wellFormed(previousSecret);
        }

        @AssertTrue(message = "register-only needs register-url")
        public boolean isRegisterOnlyComplete() {
            return !registerOnly || registers();
        }

        private static boolean wellFormed(String value) {
            return value == null || value.isEmpty() || SECRET_FORMAT.matcher(value).matches();
        }

        @Override
        public String toString() {
            return "Webhook[secret=" + (requiresSecret() ? "***" : "<unset>") + ", maxBodySize=" + maxBodySize
                    + ", retryAfter=" + retryAfter + ", registerUrl=" + registerUrl + ", registerOnly="
                    + registerOnly + ", allowUnauthenticated=" + allowUnauthenticated + "]";
        }
    }

    /**
     * @param enabled       take updates with getUpdates (for machines Telegram cannot reach)
     * @param limit         updates per getUpdates call (Telegram allows 1-100)
     * @param timeout       long-poll timeout; Telegram caps it at 50 s
     * @param deleteWebhook call deleteWebhook before polling, since getUpdates fails with 409 while one is set
     * @param minBackoff    first wait after a failed poll or produce
     * @param maxBackoff    longest wait between retries
     */
    public record Polling(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("100") @Min(1) @Max(100) int limit,
            @DefaultValue("30s") @NotNull Duration timeout,
            @DefaultValue("false") boolean deleteWebhook,
            @DefaultValue("1s") @NotNull Duration minBackoff,
            @DefaultValue("30s") @NotNull Duration maxBackoff) {

        @AssertTrue(message = "timeout must be between 0 and 50s")
        public boolean isTimeoutInRange() {
            return timeout == null || (!timeout.isNegative() && timeout.compareTo(Duration.ofSeconds(50)) <= 0);
        }
    }

    /**
     * @param produceTimeout  longest wait for Kafka's ack before answering 503 (delivery.timeout.ms, max.block.ms)
     * @param healthTimeout   how long the readiness check waits for the cluster to answer
     * @param provisionTimeout how long topic creation at start-up may take
     */
    public record Kafka(
            @DefaultValue("8s") @NotNull Duration produceTimeout,
            @DefaultValue("2s") @NotNull Duration healthTimeout,
            @DefaultValue("10s") @NotNull Duration provisionTimeout) {

        @AssertTrue(message = "produce-timeout must be at least 1s")
        public boolean isProduceTimeoutUsable() {
            return produceTimeout == null || produceTimeout.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }
}

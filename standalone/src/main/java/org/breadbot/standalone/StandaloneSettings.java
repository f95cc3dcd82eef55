package org.breadbot.standalone;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.breadbot.common.secret.Secrets;

/**
 * What the standalone launcher decides from the environment before any Spring context exists: which embedded
 * parts to start and where their data lives.
 *
 * @param embeddedKafka    true when {@code KAFKA_BOOTSTRAP_SERVERS} is unset
 * @param kafkaPort        the embedded broker's port ({@code BREAD_BOT_EMBEDDED_KAFKA_PORT}, default 9092)
 * @param embeddedDatabase true when {@code DB_HOST} is unset
 * @param databasePort     the embedded database's port ({@code BREAD_BOT_EMBEDDED_DB_PORT}, default 0 = any free)
 * @param dataDirectory    where embedded data lives ({@code BREAD_BOT_DATA_DIR}, default {@code ./data})
 * @param polling          true when a bot token is set and no public webhook URL is
 *                         ({@code BREAD_BOT_INGRESS_WEBHOOK_REGISTER_URL}), so updates come by long polling
 */
record StandaloneSettings(
        boolean embeddedKafka,
        int kafkaPort,
        boolean embeddedDatabase,
        int databasePort,
        Path dataDirectory,
        boolean polling) {

    static StandaloneSettings from(Map<String, String> env) {
        boolean hasToken = !env.getOrDefault("TELEGRAM_BOT_TOKEN", "").isBlank();
        boolean hasPublicUrl = !env.getOrDefault("BREAD_BOT_INGRESS_WEBHOOK_REGISTER_URL", "").isBlank();
        return new StandaloneSettings(
                isBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                Integer.parseInt(env.getOrDefault("BREAD_BOT_EMBEDDED_KAFKA_PORT", "9092")),
                isBlank(env.get("DB_HOST")),
                Integer.parseInt(env.getOrDefault("BREAD_BOT_EMBEDDED_DB_PORT", "0")),
                Path.of(env.getOrDefault("BREAD_BOT_DATA_DIR", "data")).toAbsolutePath(),
                hasToken && !hasPublicUrl);
    }

    /** The ingress switch that serves the webhook without a secret, for local use. */
    static final String ALLOW_UNAUTHENTICATED = "bread-bot.ingress.webhook.allow-unauthenticated";
    static final String SECRET = "bread-bot.ingress.webhook.secret";
    /** Where the standalone server listens unless told otherwise: this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * The webhook's access when no secret is configured anywhere. Without a token there is no real bot to forge
     * updates for (the playground, tests): the webhook is served without a secret. With a token and a public URL, a
     * random secret is generated, registered with setWebhook and masked in every log, never printed; with a token
     * and polling, nothing is set and ingress closes the webhook. A switch set explicitly is left as it is.
     */
    static Map<String, Object> webhookAccess(Map<String, String> env, Map<String, ?> overrides) {
        boolean secret = !isBlank(env.get("TELEGRAM_WEBHOOK_SECRET"))
                || !isBlank(env.get("BREAD_BOT_INGRESS_WEBHOOK_SECRET"))
                || !isBlank(string(overrides.get("TELEGRAM_WEBHOOK_SECRET")))
                || !isBlank(string(overrides.get(SECRET)));
        boolean explicit = env.containsKey("BREAD_BOT_INGRESS_WEBHOOK_ALLOW_UNAUTHENTICATED")
                || overrides.containsKey(ALLOW_UNAUTHENTICATED);
        if (secret || explicit) {
            return Map.of();
        }
        if (!hasToken(env, overrides)) {
            return Map.of(ALLOW_UNAUTHENTICATED, "true");
        }
        if (hasPublicUrl(env, overrides)) {
            String generated = randomSecret();
            Secrets.register(generated);
            return Map.of(SECRET, generated);
        }
        return Map.of();
    }

    /** {@code server.address}: loopback unless {@code SERVER_ADDRESS} (or the property) says otherwise. */
    static Map<String, Object> listenAddress(Map<String, String> env, Map<String, ?> overrides) {
        boolean set = !isBlank(env.get("SERVER_ADDRESS")) || overrides.containsKey("server.address")
                || overrides.containsKey("SERVER_ADDRESS");
        return set ? Map.of() : Map.of("server.address", LOOPBACK);
    }

    static boolean hasToken(Map<String, String> env, Map<String, ?> overrides) {
        return !isBlank(env.get("TELEGRAM_BOT_TOKEN")) || !isBlank(string(overrides.get("TELEGRAM_BOT_TOKEN")))
                || !isBlank(string(overrides.get("telegram.api.bot-token")));
    }

    private static boolean hasPublicUrl(Map<String, String> env, Map<String, ?> overrides) {
        return !isBlank(env.get("BREAD_BOT_INGRESS_WEBHOOK_REGISTER_URL"))
                || !isBlank(string(overrides.get("bread-bot.ingress.webhook.register-url")));
    }

    /** 256 random bits in Telegram's secret_token alphabet. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

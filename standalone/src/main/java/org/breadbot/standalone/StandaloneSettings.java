package org.breadbot.standalone;

import java.nio.file.Path;
import java.util.Map;

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

    /**
     * The laptop case: with no webhook secret configured anywhere, the ingress is told to serve the webhook without
     * one (it then warns loudly) rather than refuse to start. A switch set explicitly is left as it is.
     */
    static Map<String, Object> webhookAccess(Map<String, String> env, Map<String, ?> overrides) {
        boolean secret = !isBlank(env.get("TELEGRAM_WEBHOOK_SECRET"))
                || !isBlank(env.get("BREAD_BOT_INGRESS_WEBHOOK_SECRET"))
                || !isBlank(string(overrides.get("TELEGRAM_WEBHOOK_SECRET")))
                || !isBlank(string(overrides.get("bread-bot.ingress.webhook.secret")));
        boolean explicit = env.containsKey("BREAD_BOT_INGRESS_WEBHOOK_ALLOW_UNAUTHENTICATED")
                || overrides.containsKey(ALLOW_UNAUTHENTICATED);
        return secret || explicit ? Map.of() : Map.of(ALLOW_UNAUTHENTICATED, "true");
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

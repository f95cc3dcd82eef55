package org.breadbot.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * What a newcomer needs once the standalone is ready, in one log event: the mode, where the playground, webhook and
 * metrics are, and which Kafka, database and data folder it uses.
 *
 * @param mode          playground, webhook or polling, with why
 * @param baseUrl       the ingress's address, e.g. {@code http://localhost:8080}
 * @param playground    whether the playground is served
 * @param kafka         the bootstrap servers, and whether the broker is embedded
 * @param database      host, port and name of the database, and whether it is embedded
 * @param dataDirectory where the embedded parts keep their data, or null when nothing is embedded
 * @param millis        how long the start took
 */
record StartupBanner(String mode, String baseUrl, boolean playground, String kafka, String database,
        Path dataDirectory, long millis) {

    static final String WEBHOOK_PATH = "/telegram/webhook";
    static final String METRICS_PATH = "/actuator/prometheus";

    static StartupBanner of(StandaloneSettings settings, Environment ingress, int port, boolean playground,
            long millis) {
        String address = ingress.getProperty("server.address", "0.0.0.0");
        String host = address.equals("127.0.0.1") || address.equals("0.0.0.0") ? "localhost" : address;
        String mode = playground ? "playground (no TELEGRAM_BOT_TOKEN: replies go to the playground's emulator)"
                : settings.polling() ? "polling (updates from Telegram by long polling)"
                : "webhook (Telegram posts updates to the webhook)";
        String kafka = ingress.getProperty("KAFKA_BOOTSTRAP_SERVERS",
                ingress.getProperty("spring.kafka.bootstrap-servers", "?"))
                + (settings.embeddedKafka() ? " (embedded)" : "");
        String database = ingress.getProperty("DB_HOST", "127.0.0.1") + ":" + ingress.getProperty("DB_PORT", "5432")
                + "/" + ingress.getProperty("DB_NAME", "bread_bot") + (settings.embeddedDatabase() ? " (embedded)" : "");
        boolean embedded = settings.embeddedKafka() || settings.embeddedDatabase();
        return new StartupBanner(mode, "http://" + host + ":" + port, playground, kafka, database,
                embedded ? settings.dataDirectory() : null, millis);
    }

    /** The banner's lines, the first saying that the bot is ready. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "bread-bot is ready in %.1f s", millis / 1000.0));
        lines.add(row("mode", mode));
        if (playground) {
            lines.add(row("playground", baseUrl + "/"));
        }
        lines.add(row("webhook", baseUrl + WEBHOOK_PATH));
        lines.add(row("metrics", baseUrl + METRICS_PATH));
        lines.add(row("kafka", kafka));
        lines.add(row("database", database));
        if (dataDirectory != null) {
            lines.add(row("data", dataDirectory.toString()));
        }
        lines.add("  (--verbose shows the broker's, the database's and the Kafka clients' start-up logs)");
        return lines;
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines());
    }

    private static String row(String name, String value) {
        return String.format(Locale.ROOT, "  %-11s %s", name, value);
    }
}

package org.breadbot.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.Updates;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The whole bot as a test sees it: the three services in one JVM against the test broker, a fresh test database and
 * a fake Telegram, with a webhook to post updates to.
 */
final class RunningBot implements AutoCloseable {

    static final String SECRET = "test-webhook-secret_0123456789";

    final FakeTelegram telegram;
    final TestDatabase database;
    final Map<String, String> env;
    final Map<String, Object> properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BreadBotStandalone bot;

    private RunningBot(FakeTelegram telegram, TestDatabase database, Map<String, Object> extra) {
        this.telegram = telegram;
        this.database = database;
        this.env = Map.of("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(), "DB_HOST", database.host());
        this.properties = serviceProperties(TestKafka.bootstrapServers(), database, telegram, SECRET);
        properties.putAll(extra);
    }

    /**
     * The environment variables of architecture §5, as Spring properties, that point the services at a broker, a
     * database and a fake Telegram, with the webhook secret set and the HTTP port chosen freely.
     */
    static Map<String, Object> serviceProperties(String bootstrapServers, TestDatabase database, FakeTelegram telegram,
            String secret) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        properties.put("DB_HOST", database.host());
        properties.put("DB_PORT", Integer.toString(database.port()));
        properties.put("DB_NAME", database.name());
        properties.put("DB_USER", database.user());
        properties.put("DB_PASSWORD", database.password());
        properties.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        properties.put("TELEGRAM_API_BASE_URL", telegram.baseUrl());
        properties.put("TELEGRAM_WEBHOOK_SECRET", secret);
        properties.put("SERVER_PORT", "0");
        return properties;
    }

    /** Starts the bot on a fresh database, with {@code extra} Spring properties. */
    static RunningBot start(Map<String, Object> extra) {
        RunningBot running = new RunningBot(FakeTelegram.start(), TestPostgres.newDatabase(), extra);
        running.bot = BreadBotStandalone.start(running.env, running.properties);
        return running;
    }

    BreadBotStandalone bot() {
        return bot;
    }

    int port() {
        return ((WebServerApplicationContext) bot.contexts().get(2)).getWebServer().getPort();
    }

    /** Posts an update to the webhook with the secret; returns the HTTP status. */
    int post(Updates.Builder update) {
        return post(update.json());
    }

    int post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts these exact bytes to the webhook with the secret; returns the HTTP status. */
    int post(byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/telegram/webhook"))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.close();
        }
        telegram.close();
    }
}

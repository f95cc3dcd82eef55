package org.breadbot.standalone.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.standalone.BreadBotStandalone;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestPostgres;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The standalone bot as a new user starts it (no bot token, so with the playground) against the test broker and a
 * fresh test database, with a webhook secret so that the page's use of it is exercised.
 */
final class PlaygroundBot implements AutoCloseable {

    static final String SECRET = "playground-test-secret_42";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BreadBotStandalone bot;

    private PlaygroundBot(BreadBotStandalone bot) {
        this.bot = bot;
    }

    static PlaygroundBot start() {
        TestDatabase database = TestPostgres.newDatabase();
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "DB_HOST", database.host());
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        properties.put("DB_HOST", database.host());
        properties.put("DB_PORT", Integer.toString(database.port()));
        properties.put("DB_NAME", database.name());
        properties.put("DB_USER", database.user());
        properties.put("DB_PASSWORD", database.password());
        properties.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        properties.put("SERVER_PORT", "0");
        return new PlaygroundBot(BreadBotStandalone.start(env, properties));
    }

    BreadBotStandalone bot() {
        return bot;
    }

    Playground playground() {
        return bot.playground().orElseThrow();
    }

    int port() {
        return ((WebServerApplicationContext) bot.contexts().get(2)).getWebServer().getPort();
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Ids for a new message in {@code chat}, as the page asks for them. */
    JsonNode ids(long chatId, String type, String title) {
        String chat = Json.mapper().createObjectNode().put("id", chatId).put("type", type).put("title", title)
                .toString();
        return Json.mapper().readTree(post("/playground-api/ids", "{\"chat\":" + chat + "}").body());
    }

    /** Posts an update to the webhook with the secret, as the page does. */
    int postUpdate(String json) {
        return post("/telegram/webhook", json, "X-Telegram-Bot-Api-Secret-Token", SECRET).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        bot.close();
    }
}

package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * The playground wired into the standalone bot started without a token: the page and its API on the ingress
 * server, the sender talking to the emulator, answers and the pipeline trail pushed as server-sent events.
 */
class PlaygroundIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PlaygroundBot bot;

    @BeforeAll
    static void start() {
        bot = PlaygroundBot.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void theSenderTalksToTheEmulatorWithTheDummyToken() {
        TelegramApiProperties sender = bot.bot().contexts().get(1).getBean(TelegramApiProperties.class);

        assertThat(sender.baseUrl().toString()).isEqualTo(bot.playground().emulatorUrl());
        assertThat(sender.botToken()).isEqualTo(bot.playground().emulatorToken()).isNotEqualTo(FakeTelegram.TOKEN);
    }

    @Test
    void thePageIsServedAtTheRootWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = bot.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.body()).contains("/playground/playground.js");
        assertThat(bot.get("/playground/playground.js").statusCode()).isEqualTo(200);
        assertThat(bot.get("/playground/format.js").statusCode()).isEqualTo(200);
        assertThat(bot.get("/playground/playground.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theConfigurationHoldsNeitherTheWebhookSecretNorTheToken() {
        HttpResponse<String> response = bot.get("/playground-api/config");
        JsonNode config = Json.mapper().readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(config.path("webhook").path("path").asString()).isEqualTo("/telegram/webhook");
        assertThat(config.path("webhook").has("secret")).isFalse();
        assertThat(response.body()).doesNotContain(PlaygroundBot.SECRET);
        assertThat(bot.post("/telegram/webhook", Updates.text("привет").inGroup(-1_000_000_991L).json())
                .statusCode()).as("the page's post from this machine, which gets the secret on the way in")
                .isEqualTo(200);
        assertThat(config.path("bot").path("username").asString()).isEqualTo("bread_bot");
        assertThat(config.path("media").size()).isGreaterThanOrEqualTo(6);
        assertThat(response.body()).doesNotContain(bot.playground().emulatorToken())
                .doesNotContain("PLAYGROUND_emulator_dummy_token");
    }

    @Test
    void builtInMediaAreServedByFileIdAndNothingElseIs() {
        HttpResponse<String> sticker = bot.get("/playground-api/media/pg_sticker_bread");
        HttpResponse<String> smallPhoto = bot.get("/playground-api/media/pg_photo_loaf_s");

        assertThat(sticker.statusCode()).isEqualTo(200);
        assertThat(sticker.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(sticker.body()).startsWith("<svg");
        assertThat(smallPhoto.statusCode()).isEqualTo(200);
        for (String path : new String[] {"/playground-api/media/unknown", "/playground-api/media/..%2Fcatalogue.json",
            "/playground-api/media/%2e%2e%2f%2e%2e%2fapplication.yml", "/playground/../ingress.yml",
            "/playground/%2e%2e/ingress.yml", "/playground/..%2fingress.yml"}) {
            assertThat(bot.get(path).statusCode()).as(path).isIn(400, 404);
        }
    }

    @Test
    void idsFollowTheChatsSequenceAndHostileRequestsAreRefused() {
        long chat = -1_009_000_000_001L;
        JsonNode first = bot.ids(chat, "supergroup", "Ids");
        JsonNode second = bot.ids(chat, "supergroup", "Ids");

        assertThat(second.path("message_id").asInt()).isEqualTo(first.path("message_id").asInt() + 1);
        assertThat(second.path("update_id").asLong()).isGreaterThan(first.path("update_id").asLong());
        String[] hostile = {"", "{", "[]", "{\"chat\":{}}", "{\"chat\":{\"id\":0}}", "{\"chat\":{\"id\":\"-5\"}}",
            "{\"chat\":{\"id\":1.5}}", "{\"chat\":{\"id\":99999999999999999999999}}", "{\"chat\":\"x\"}"};
        for (String body : hostile) {
            assertThat(bot.post("/playground-api/ids", body).statusCode()).as(body).isEqualTo(400);
        }
        String oversized = "{\"chat\":{\"id\":-1,\"title\":\"" + "x".repeat(300_000) + "\"}}";
        assertThat(bot.post("/playground-api/ids", oversized).statusCode()).isEqualTo(413);
    }

    @Test
    void anUpdateFromThePageIsAnsweredOnTheEventStreamWithItsTrail() {
        List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
        Disposable stream = WebClient.create(bot.url("")).get().uri("/playground-api/events").retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .subscribe(events::add);
        try {
            long chat = -1_009_000_000_002L;
            JsonNode ids = bot.ids(chat, "supergroup", "Stream");
            Updates.Builder update = Updates.text("Хлеб выбери чай или кофе").inGroup(chat, "Stream")
                    .from(TestUsers.ALICE).id(ids.path("update_id").asLong()).messageId(ids.path("message_id").asInt());

            long posted = System.currentTimeMillis();
            assertThat(bot.postUpdate(update.json())).isEqualTo(200);

            JsonNode answer = await().atMost(WAIT).until(() -> find(events, "message", chat), found -> found != null);
            long answered = System.currentTimeMillis();
            assertThat(answer.path("text").asString()).isIn("чай", "кофе");
            assertThat(answer.path("reply_to_message").path("message_id").asInt()).isEqualTo(update.messageId());
            assertThat(answer.path("message_id").asInt()).isEqualTo(update.messageId() + 1);
            System.out.printf("playground answer %d ms after the post%n", answered - posted);

            JsonNode trail = await().atMost(WAIT).until(() -> find(events, "trail", chat),
                    entry -> entry != null && entry.path("replies").path(0).hasNonNull("deliveredAt"));
            assertThat(trail.path("updateId").asLong()).isEqualTo(update.id());
            assertThat(trail.path("record").path("topic").asString()).isEqualTo("telegram.updates");
            assertThat(trail.path("record").path("offset").asLong()).isNotNegative();
            JsonNode reply = trail.path("replies").get(0);
            assertThat(reply.path("record").path("topic").asString()).isEqualTo("telegram.replies");
            assertThat(reply.path("messageId").asInt()).isEqualTo(answer.path("message_id").asInt());
            assertThat(trail.path("receivedAt").asLong()).isLessThanOrEqualTo(reply.path("processedAt").asLong());
            assertThat(reply.path("processedAt").asLong()).isLessThanOrEqualTo(reply.path("publishedAt").asLong());
            assertThat(reply.path("publishedAt").asLong()).isLessThanOrEqualTo(reply.path("deliveredAt").asLong());
        } finally {
            stream.dispose();
        }
    }

    @Test
    void theWebhookStillRefusesAWrongSecret() {
        String update = Updates.text("Хлеб help").inGroup(-1_009_000_000_003L).json();

        assertThat(bot.post("/telegram/webhook", update, "X-Telegram-Bot-Api-Secret-Token", "wrong_secret_123")
                .statusCode()).isEqualTo(401);
    }

    /** The newest event of that name about that chat, or null. */
    private static JsonNode find(List<ServerSentEvent<String>> events, String name, long chat) {
        JsonNode found = null;
        for (ServerSentEvent<String> event : events) {
            if (!name.equals(event.event()) || event.data() == null) {
                continue;
            }
            JsonNode data = Json.mapper().readTree(event.data());
            long eventChat = name.equals("message") ? data.path("chat").path("id").asLong() : data.path("chatId").asLong();
            if (eventChat == chat) {
                found = data;
            }
        }
        return found;
    }
}

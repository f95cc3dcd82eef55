package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.BotApiException;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** The switch, and the emulator over real HTTP as bread-bot's own Bot API client and a raw client see it. */
class PlaygroundTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Playground playground;
    private static BotApiClient client;

    @BeforeAll
    static void start() {
        playground = Playground.start(Map.of(), Map.of());
        client = clientWithToken(playground.emulatorToken());
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    private static BotApiClient clientWithToken(String token) {
        return new BotApiClient(WebClient.builder(),
                new TelegramApiProperties(URI.create(playground.emulatorUrl()), token, Duration.ofSeconds(5)));
    }

    @Test
    void onWithoutATokenOffWithOneAndNeverBesideARealBot() {
        assertThat(Playground.isWanted(Map.of(), Map.of())).isTrue();
        assertThat(Playground.isWanted(Map.of("TELEGRAM_BOT_TOKEN", "  "), Map.of())).isTrue();
        assertThat(Playground.isWanted(Map.of("TELEGRAM_BOT_TOKEN", "1:x"), Map.of())).isFalse();
        assertThat(Playground.isWanted(Map.of(), Map.of("TELEGRAM_BOT_TOKEN", "1:x"))).isFalse();
        assertThat(Playground.isWanted(Map.of(), Map.of("telegram.api.bot-token", "1:x"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Playground.isWanted(
                        Map.of("TELEGRAM_BOT_TOKEN", "1:x", Playground.SWITCH, "true"), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exclude each other")
                .hasMessageNotContaining("1:x");
        assertThat(Playground.isWanted(Map.of(Playground.SWITCH, "false"), Map.of())).isFalse();
        assertThat(Playground.isWanted(Map.of(Playground.SWITCH, "false"), Map.of(Playground.SWITCH, "true")))
                .isTrue();
    }

    @Test
    void theServicesArePointedAtTheEmulatorWithTheDummyToken() {
        assertThat(playground.properties())
                .containsEntry("telegram.api.base-url", playground.emulatorUrl())
                .containsEntry("TELEGRAM_API_BASE_URL", playground.emulatorUrl())
                .containsEntry("telegram.api.bot-token", playground.emulatorToken());
        assertThat(playground.emulatorUrl()).startsWith("http://127.0.0.1:");
        assertThat(playground.ingressProperties()).containsEntry("bread-bot.ingress.polling.enabled", "false");
    }

    @Test
    void breadBotsOwnClientUnderstandsTheEmulator() {
        long chat = -5_000_001;
        int asked = playground.chats().nextMessageId(chat, 0);
        ReplyCommand reply = ReplyCommand.text("r1", chat, "медвед", asked, 1, Instant.now());

        Message sent = client.send(reply).block(WAIT);

        assertThat(sent.messageId()).isEqualTo(asked + 1);
        assertThat(sent.text()).isEqualTo("медвед");
        assertThat(sent.replyToMessage().messageId()).isEqualTo(asked);
        assertThat(client.getMe().block(WAIT).username()).isEqualTo("bread_bot");
        assertThat(client.getChatAdministrators(chat).block(WAIT)).isEmpty();
        assertThat(client.setWebhook("https://example.org/hook", "s", null, false).block(WAIT)).isTrue();
        assertThat(client.getWebhookInfo().block(WAIT).url()).isEqualTo("https://example.org/hook");
        assertThat(client.deleteWebhook(false).block(WAIT)).isTrue();
    }

    @Test
    void everyMessageTheBotSendsIsPushedToThePage() {
        long chat = -5_000_002;
        client.send(ReplyCommand.media("r2", chat, ReplyMethod.SEND_STICKER, "pg_sticker_cat", null, null, 2,
                Instant.now())).block(WAIT);

        JsonNode pushed = playground.events().stream()
                .filter(event -> event.name().equals(PlaygroundEvents.MESSAGE))
                .map(PlaygroundEvents.Event::data)
                .filter(message -> message.path("chat").path("id").asLong() == chat)
                .blockFirst(WAIT);

        assertThat(pushed.path("sticker").path("file_id").asString()).isEqualTo("pg_sticker_cat");
        assertThat(pushed.path("from").path("is_bot").asBoolean()).isTrue();
    }

    @Test
    void telegramsErrorsReachTheClientTyped() {
        ReplyCommand toMissing = new ReplyCommand("r3", 77, ReplyMethod.SEND_MESSAGE, "x", null, null, 12345, null, null,
                null, 3, Instant.now());

        assertThatThrownBy(() -> clientWithToken("1:wrong").getMe().block(WAIT))
                .isInstanceOf(BotApiException.Unauthorized.class);
        assertThatThrownBy(() -> client.call("sendMessage", Map.of("chat_id", 77, "text", "x",
                "reply_parameters", Map.of("message_id", 12345)), Message.class).block(WAIT))
                .isInstanceOfSatisfying(BotApiException.BadRequest.class,
                        bad -> assertThat(bad.isReplyTargetMissing()).isTrue());
        // the client itself allows sending without the reply, as Telegram then does
        assertThat(client.send(toMissing).block(WAIT).replyToMessage()).isNull();
    }

    @Test
    void queryStringAndFormParametersWorkAsInTelegram() throws Exception {
        HttpResponse<String> query = send(HttpRequest.newBuilder(uri("sendMessage?chat_id=9&text=%D1%85%D0%BB%D0%B5%D0%B1"))
                .GET());
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("sendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=9&text=a%2Bb&reply_parameters="
                        + "%7B%22message_id%22%3A1%2C%22allow_sending_without_reply%22%3Atrue%7D")));

        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(query.body()).path("result").path("text").asString()).isEqualTo("хлеб");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(form.body()).path("result").path("text").asString()).isEqualTo("a+b");
        assertThat(query.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void malformedBodiesGetTelegramsEnvelopeNot500() throws Exception {
        String[] bodies = {"{", "[1,2]", "null", "\"text\"", "{\"chat_id\":", "\u0000\u0001binary"};
        for (String body : bodies) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("sendMessage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body)
                    .isEqualTo("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat_id is empty\"}");
        }
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String huge = "{\"chat_id\":1,\"text\":\"" + "x".repeat(EmulatorServer.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> declared = send(HttpRequest.newBuilder(uri("sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge)));
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(Json.mapper().readTree(chunked.body()).path("error_code").asInt()).isEqualTo(413);
    }

    @Test
    void pathsThatAreNotBotMethodsAreNotFound() throws Exception {
        String base = playground.emulatorUrl();
        String[] paths = {"/", "/bot", "/getMe", "/bot" + playground.emulatorToken() + "/getMe/extra",
            "/bot" + playground.emulatorToken() + "/../../etc/passwd", "/x/bot/getMe"};
        for (String path : paths) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            assertThat(response.statusCode()).as(path).isIn(401, 404);
            assertThat(response.body()).as(path).startsWith("{\"ok\":false");
        }
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("getMe")).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(put.statusCode()).isEqualTo(404);
    }

    private static URI uri(String methodAndQuery) {
        return URI.create(playground.emulatorUrl() + "/bot" + playground.emulatorToken() + "/" + methodAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}

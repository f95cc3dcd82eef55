package org.breadbot.bench.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeBotApiTest {

    private static final String TOKEN = "123:bench";
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi telegram;

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aChatOverItsBurstGets429InTelegramsExactWireFormat() throws Exception {
        telegram = FakeBotApi.start(TOKEN, TelegramLimits.telegram());

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            responses.add(send("sendMessage", "{\"chat_id\":42,\"text\":\"hi\"}"));
        }

        assertThat(responses.subList(0, 3)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        HttpResponse<String> limited = responses.get(3);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode body = Json.mapper().readTree(limited.body());
        assertThat(body.path("ok").asBoolean(true)).isFalse();
        assertThat(body.path("error_code").asInt()).isEqualTo(429);
        assertThat(body.path("description").asString()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(body.path("parameters").path("retry_after").asInt()).isEqualTo(1);
        assertThat(telegram.deliveredCount()).isEqualTo(3);
        assertThat(telegram.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void aGroupOverTwentyAMinuteWaitsForItsNextToken() throws Exception {
        Rate generous = new Rate(1000, Duration.ofSeconds(1), 1000);
        telegram = FakeBotApi.start(TOKEN, new TelegramLimits(generous,
                new Rate(20, Duration.ofMinutes(1), 20), generous));

        for (int i = 0; i < 20; i++) {
            assertThat(send("sendMessage", "{\"chat_id\":-100,\"text\":\"hi\"}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send("sendMessage", "{\"chat_id\":-100,\"text\":\"hi\"}");

        assertThat(limited.statusCode()).isEqualTo(429);
        // one token every 3 s
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 3);
        assertThat(send("sendMessage", "{\"chat_id\":-101,\"text\":\"other group\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void theGlobalLimitHoldsAcrossChats() throws Exception {
        Rate generous = new Rate(1000, Duration.ofSeconds(1), 1000);
        // 30 at once, then one a minute: nothing refills while the test sends
        telegram = FakeBotApi.start(TOKEN, new TelegramLimits(generous, generous,
                new Rate(1, Duration.ofMinutes(1), 30)));

        int ok = 0;
        for (int chat = 1; chat <= 31; chat++) {
            if (send("sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"hi\"}").statusCode() == 200) {
                ok++;
            }
        }

        assertThat(ok).isEqualTo(30);
        assertThat(telegram.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void unlimitedNeverAnswers429() throws Exception {
        telegram = FakeBotApi.start(TOKEN, TelegramLimits.unlimited());

        for (int i = 0; i < 300; i++) {
            assertThat(send("sendMessage", "{\"chat_id\":-100,\"text\":\"hi\"}").statusCode()).isEqualTo(200);
        }

        assertThat(telegram.rateLimitedCount()).isZero();
        assertThat(telegram.deliveredCount()).isEqualTo(300);
    }

    @Test
    void aDeliveryRemembersWhichMessageItAnswers() throws Exception {
        telegram = FakeBotApi.start(TOKEN, TelegramLimits.unlimited());

        HttpResponse<String> modern = send("sendMessage",
                "{\"chat_id\":-100,\"text\":\"a\",\"reply_parameters\":{\"message_id\":7}}");
        send("sendMessage", "{\"chat_id\":\"-100\",\"text\":\"b\",\"reply_to_message_id\":8}");
        sendForm("sendMessage", "chat_id=5&text=c");

        assertThat(telegram.deliveries()).extracting(Delivery::chatId, Delivery::replyTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-100L, 7),
                        org.assertj.core.groups.Tuple.tuple(-100L, 8), org.assertj.core.groups.Tuple.tuple(5L, null));
        JsonNode result = Json.mapper().readTree(modern.body()).path("result");
        assertThat(result.path("chat").path("id").asLong()).isEqualTo(-100);
        assertThat(result.path("reply_to_message").path("message_id").asInt()).isEqualTo(7);
        assertThat(result.path("text").asString()).isEqualTo("a");
    }

    @Test
    void hostileRequestsGetTelegramShapedErrorsAndTheServerKeepsAnswering() throws Exception {
        telegram = FakeBotApi.start(TOKEN, TelegramLimits.telegram());

        assertError(send("sendMessage", "{\"chat_id\":"), 400, "Bad Request: can't parse JSON object");
        assertError(send("sendMessage", "[1,2,3]"), 400, "Bad Request: JSON object expected");
        assertError(send("sendMessage", "{\"text\":\"no chat\"}"), 400, "Bad Request: chat_id is empty");
        assertError(send("sendMessage", "{\"chat_id\":\"@nobody\",\"text\":\"x\"}"), 400, "Bad Request: chat not found");
        assertError(send("sendMessage", "{\"chat_id\":1,\"text\":\"\"}"), 400, "Bad Request: message text is empty");
        assertError(send("sendMessage", "{\"chat_id\":1,\"text\":\"" + "я".repeat(4097) + "\"}"), 400,
                "Bad Request: message is too long");
        assertError(send("sendMessage", "{\"chat_id\":1,\"text\":\"" + "x".repeat(FakeBotApi.MAX_BODY) + "\"}"),
                413, "Request Entity Too Large");
        assertError(send("noSuchMethod", "{}"), 404, "Not Found: method not found");
        assertError(request("/bot000:wrong/sendMessage", "{}"), 401, "Unauthorized");
        assertError(request("/../../etc/passwd", "{}"), 404, "Not Found");
        assertError(send("sendMessage", "{\"chat_id\":1,\"text\":\"" + "[".repeat(4_000) + "\"}"), 200, null);
        assertError(send("sendMessage", "{".repeat(10_000)), 400, "Bad Request: can't parse JSON object");

        assertThat(send("getMe", "").statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String description) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = Json.mapper().readTree(response.body());
        if (description == null) {
            assertThat(body.path("ok").asBoolean()).isTrue();
            return;
        }
        assertThat(body.path("ok").asBoolean(true)).isFalse();
        assertThat(body.path("error_code").asInt()).isEqualTo(status);
        assertThat(body.path("description").asString()).isEqualTo(description);
    }

    private HttpResponse<String> send(String method, String json) throws Exception {
        return request("/bot" + TOKEN + "/" + method, json);
    }

    private HttpResponse<String> request(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void sendForm(String method, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + TOKEN + "/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

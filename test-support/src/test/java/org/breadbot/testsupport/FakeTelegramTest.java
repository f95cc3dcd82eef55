package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.User;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.BotApiException;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

class FakeTelegramTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN_SECRET = FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1);

    private FakeTelegram telegram;
    private BotApiClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        telegram = FakeTelegram.start();
        client = clientWith(FakeTelegram.TOKEN, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    private BotApiClient clientWith(String token, Duration timeout) {
        return new BotApiClient(WebClient.builder(),
                new TelegramApiProperties(URI.create(telegram.baseUrl()), token, timeout));
    }

    private static <T> T block(Mono<T> mono) {
        return mono.block(WAIT);
    }

    private BotApiException failureOf(Mono<?> mono) {
        try {
            mono.block(WAIT);
        } catch (BotApiException expected) {
            assertThat(expected.getMessage()).doesNotContain(FakeTelegram.TOKEN).doesNotContain(TOKEN_SECRET);
            return expected;
        }
        throw new AssertionError("expected a BotApiException");
    }

    private Mono<Message> sendText(long chatId, String text) {
        return client.send(ReplyCommand.text("id", chatId, text, null, 1, Instant.now()));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String method, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + FakeTelegram.TOKEN + "/" + method))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendMessageReturnsAMessageAndIsRecorded() {
        Message sent = block(sendText(-100L, "Привет"));

        assertThat(sent.text()).isEqualTo("Привет");
        assertThat(sent.chat().id()).isEqualTo(-100L);
        assertThat(sent.from().isBot()).isTrue();
        assertThat(sent.date()).isPositive();
        ApiCall call = telegram.awaitCalls("sendMessage", 1, WAIT).get(0);
        assertThat(call.chatId()).isEqualTo(-100L);
        assertThat(call.text()).isEqualTo("Привет");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.replyToMessageId()).isNull();
    }

    @Test
    void messageIdsIncreasePerChat() {
        int first = block(sendText(1L, "a")).messageId();
        int second = block(sendText(1L, "b")).messageId();
        int otherChat = block(sendText(2L, "c")).messageId();

        assertThat(second).isEqualTo(first + 1);
        assertThat(otherChat).isEqualTo(first);
    }

    @Test
    void repliesCarryReplyToMessage() {
        Message sent = block(client.send(ReplyCommand.media("id", 5L, ReplyMethod.SEND_STICKER, "sticker-file", null,
                77, 1, Instant.now())));

        assertThat(sent.replyToMessage().messageId()).isEqualTo(77);
        assertThat(sent.sticker().fileId()).isEqualTo("sticker-file");
        ApiCall call = telegram.calls("sendsticker").get(0);
        assertThat(call.replyToMessageId()).isEqualTo(77);
        assertThat(call.string("sticker")).isEqualTo("sticker-file");
    }

    @Test
    void photosComeBackAsAnArrayOfSizes() {
        Message sent = block(client.send(ReplyCommand.media("id", 5L, ReplyMethod.SEND_PHOTO, "photo-file", "подпись",
                null, 1, Instant.now())));

        assertThat(sent.photo()).singleElement().satisfies(size -> assertThat(size.fileId()).isEqualTo("photo-file"));
        assertThat(sent.caption()).isEqualTo("подпись");
    }

    @Test
    void getMeReturnsTheBot() {
        User me = block(client.getMe());

        assertThat(me.id()).isEqualTo(FakeTelegram.BOT_ID);
        assertThat(me.isBot()).isTrue();
        assertThat(me.username()).isEqualTo(FakeTelegram.BOT_USERNAME);
    }

    @Test
    void webhookIsSetReportedAndDeleted() {
        assertThat(block(client.setWebhook("https://bread.example/telegram/webhook", "s3cret", List.of(), false)))
                .isTrue();
        assertThat(block(client.getWebhookInfo()).url()).isEqualTo("https://bread.example/telegram/webhook");
        assertThat(block(client.deleteWebhook(false))).isTrue();
        assertThat(block(client.getWebhookInfo()).url()).isEmpty();
        assertThat(block(client.getChatAdministrators(-100L))).isEmpty();
    }

    @Test
    void wrongTokenIsUnauthorized() throws Exception {
        BotApiClient stranger = clientWith("987654321:AAHsomeOtherTokenThatIsWrong_xyz12345", Duration.ofSeconds(5));

        BotApiException error = failureOf(stranger.getMe());

        assertThat(error).isInstanceOf(BotApiException.Unauthorized.class);
        assertThat(error.getMessage()).doesNotContain("AAHsomeOtherTokenThatIsWrong");
        HttpResponse<String> raw = get("/botwrong/getMe");
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(raw.body())).isEqualTo(Json.mapper().readTree(
                "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
    }

    @Test
    void unknownMethodIsNotFound() throws Exception {
        BotApiException error = failureOf(client.call("makeBread", Map.of(), Boolean.class));

        assertThat(error.errorCode()).isEqualTo(404);
        HttpResponse<String> raw = get("/bot" + FakeTelegram.TOKEN + "/makeBread");
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(raw.body())).isEqualTo(Json.mapper().readTree(
                "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void methodNamesAreCaseInsensitiveAndFormsAndQueriesAreAccepted() throws Exception {
        HttpResponse<String> form = postForm("SENDMESSAGE",
                "chat_id=-42&text=%D0%A5%D0%BB%D0%B5%D0%B1&reply_parameters=%7B%22message_id%22%3A9%7D");
        HttpResponse<String> query = get("/bot" + FakeTelegram.TOKEN + "/getme?foo=bar");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(form.body()).path("result").path("text").asString()).isEqualTo("Хлеб");
        assertThat(query.statusCode()).isEqualTo(200);
        ApiCall call = telegram.calls("sendMessage").get(0);
        assertThat(call.method()).isEqualTo("sendMessage");
        assertThat(call.chatId()).isEqualTo(-42L);
        assertThat(call.replyToMessageId()).isEqualTo(9);
        assertThat(telegram.calls("getMe").get(0).string("foo")).isEqualTo("bar");
    }

    @Test
    void legacyReplyToMessageIdIsUnderstood() throws Exception {
        postForm("sendMessage", "chat_id=1&text=x&reply_to_message_id=12");

        assertThat(telegram.calls("sendMessage").get(0).replyToMessageId()).isEqualTo(12);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot" + FakeTelegram.TOKEN + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).path("ok").asBoolean()).isFalse();
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInBodyAndHeader() throws Exception {
        telegram.script("sendMessage", FakeResponse.tooManyRequests(7), FakeResponse.tooManyRequests(3));

        BotApiException error = failureOf(sendText(1L, "x"));
        HttpResponse<String> raw = postForm("sendMessage", "chat_id=1&text=x");

        assertThat(error).isInstanceOfSatisfying(BotApiException.RetryAfter.class,
                retry -> assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).contains("3");
        JsonNode body = Json.mapper().readTree(raw.body());
        assertThat(body.path("parameters").path("retry_after").asInt()).isEqualTo(3);
        assertThat(body.path("description").asString()).isEqualTo("Too Many Requests: retry after 3");
        assertThat(telegram.calls("sendMessage")).extracting(ApiCall::status).containsExactly(429, 429);
    }

    @Test
    void scriptedAnswersAreUsedInOrderThenTheDefault() {
        telegram.script("sendMessage", FakeResponse.serverError(), FakeResponse.badRequest("chat not found"));

        assertThat(failureOf(sendText(1L, "x"))).isInstanceOf(BotApiException.ServerError.class);
        BotApiException badRequest = failureOf(sendText(1L, "x"));
        assertThat(badRequest).isInstanceOf(BotApiException.BadRequest.class);
        assertThat(badRequest.description()).isEqualTo("Bad Request: chat not found");
        assertThat(block(sendText(1L, "x")).text()).isEqualTo("x");
    }

    @Test
    void migratedChatNamesTheNewChat() {
        telegram.script("sendMessage", FakeResponse.migrated(-1001234567890L));

        BotApiException error = failureOf(sendText(-5L, "x"));

        assertThat(error).isInstanceOfSatisfying(BotApiException.MigratedChat.class,
                migrated -> assertThat(migrated.newChatId()).isEqualTo(-1001234567890L));
        assertThat(error.description()).isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
    }

    @Test
    void forbiddenIsTyped() {
        telegram.script("sendMessage", FakeResponse.forbidden("bot was blocked by the user"));

        BotApiException error = failureOf(sendText(1L, "x"));

        assertThat(error).isInstanceOf(BotApiException.Forbidden.class);
        assertThat(error.description()).isEqualTo("Forbidden: bot was blocked by the user");
    }

    @Test
    void rawStatusBodiesArePassedThrough() {
        telegram.script("getMe", FakeResponse.status(502, "<html>Bad Gateway</html>"));

        BotApiException error = failureOf(client.getMe());

        assertThat(error).isInstanceOf(BotApiException.ServerError.class);
        assertThat(error.errorCode()).isEqualTo(502);
    }

    @Test
    void customResultsAreReturned() {
        telegram.script("getChatAdministrators", FakeResponse.ok(List.of(Map.of("status", "creator",
                "user", Map.of("id", 1001, "is_bot", false, "first_name", "Alice")))));

        assertThat(block(client.getChatAdministrators(-100L))).hasSize(1);
    }

    @Test
    void hangNeverAnswersSoTheClientTimesOut() {
        telegram.script("sendMessage", FakeResponse.hang());
        // long enough for the request to arrive even on a loaded machine, so the recorded call is certain
        BotApiClient impatient = clientWith(FakeTelegram.TOKEN, Duration.ofSeconds(2));

        BotApiException error = failureOf(impatient.send(ReplyCommand.text("id", 1L, "x", null, 1, Instant.now())));

        assertThat(error).isInstanceOf(BotApiException.Timeout.class);
        assertThat(telegram.awaitCalls("sendMessage", 1, Duration.ofSeconds(5)))
                .extracting(ApiCall::status).containsExactly(0);
    }

    @Test
    void delayedAnswersComeLate() {
        telegram.script("getMe", FakeResponse.delayed(Duration.ofMillis(400), FakeResponse.ok()));

        long started = System.nanoTime();
        User me = block(client.getMe());

        assertThat(me.id()).isEqualTo(FakeTelegram.BOT_ID);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void connectionFailuresAreTimeoutsWithoutTheToken() {
        telegram.close();

        BotApiException error = failureOf(client.getMe());

        assertThat(error).isInstanceOf(BotApiException.Timeout.class);
    }

    @Test
    void tooLongTextIsRejectedLikeTelegram() {
        BotApiException error = failureOf(sendText(1L, "х".repeat(4097)));

        assertThat(error).isInstanceOf(BotApiException.BadRequest.class);
        assertThat(error.description()).isEqualTo("Bad Request: message is too long");
        assertThat(block(sendText(1L, "😀".repeat(4096))).text()).hasSize(8192);
    }

    @Test
    void getUpdatesHonoursOffsetAndLimit() {
        Updates.Builder first = Updates.text("1");
        Updates.Builder second = Updates.text("2");
        Updates.Builder third = Updates.text("3");
        telegram.enqueueUpdates(first.json(), second.json(), third.json());

        List<JsonNode> limited = block(client.getUpdates(0, 2, Duration.ZERO, null));
        List<JsonNode> afterFirst = block(client.getUpdates(first.id() + 1, 100, Duration.ZERO, null));
        List<JsonNode> again = block(client.getUpdates(0, 100, Duration.ZERO, null));

        assertThat(limited).extracting(update -> update.get("update_id").asLong()).containsExactly(first.id(), second.id());
        assertThat(afterFirst).extracting(update -> update.get("update_id").asLong())
                .containsExactly(second.id(), third.id());
        assertThat(again).as("confirmed updates are gone").hasSize(2);
        assertThat(again.get(0).get("message").get("text").asString()).isEqualTo("2");
    }

    @Test
    void getUpdatesLongPollWaitsForNewUpdates() throws Exception {
        Mono<List<JsonNode>> poll = client.getUpdates(0, 100, Duration.ofSeconds(5), null);
        var pending = poll.toFuture();
        telegram.awaitCalls("getUpdates", 1, WAIT);
        Thread.sleep(200);
        assertThat(pending).isNotDone();

        telegram.enqueueUpdates(Updates.text("late").id(31));

        assertThat(pending.get().get(0).get("update_id").asLong()).isEqualTo(31);
    }

    @Test
    void getUpdatesLongPollEndsEmptyAfterItsTimeout() {
        long started = System.nanoTime();

        List<JsonNode> updates = block(client.getUpdates(0, 100, Duration.ofSeconds(1), null));

        assertThat(updates).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void awaitCallsFailsListingWhatArrived() {
        block(client.getMe());

        assertThatThrownBy(() -> telegram.awaitCalls("sendMessage", 1, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 1 sendMessage")
                .hasMessageContaining("got 0")
                .hasMessageContaining("getMe");
    }

    @Test
    void resetForgetsCallsScriptsAndUpdates() {
        telegram.script("getMe", FakeResponse.serverError());
        telegram.enqueueUpdates(Updates.text("old"));
        block(sendText(1L, "x"));

        telegram.reset();

        assertThat(telegram.calls()).isEmpty();
        assertThat(block(client.getMe()).isBot()).isTrue();
        assertThat(block(client.getUpdates(0, 100, Duration.ZERO, null))).isEmpty();
    }
}

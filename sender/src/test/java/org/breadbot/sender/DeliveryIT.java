package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.header;
import static org.breadbot.sender.SenderFixture.media;
import static org.breadbot.sender.SenderFixture.text;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.HostileInput;
import org.breadbot.testsupport.FakeTelegram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

/** One reply at a time through real Kafka and PostgreSQL to a fake Telegram: what arrives, what is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SenderFixture fixture;

    @BeforeAll
    void startSender() {
        fixture = new SenderFixture()
                .with("bread-bot.sender.retry.max-attempts", 3)
                .with("management.endpoint.health.group.readiness.show-components", "always");
        fixture.startSender();
    }

    @AfterAll
    void stopSender() {
        fixture.close();
    }

    private List<ApiCall> callsTo(String method, long chatId) {
        return fixture.telegram.calls(method).stream().filter(call -> call.chatId() == chatId).toList();
    }

    private List<ApiCall> awaitCallsTo(String method, long chatId, int count) {
        await().atMost(WAIT).until(() -> callsTo(method, chatId).size() >= count);
        return callsTo(method, chatId);
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(long chatId, int count) {
        await().atMost(WAIT).until(() -> deadLettersOf(chatId).size() >= count);
        return deadLettersOf(chatId);
    }

    private List<ConsumerRecord<String, byte[]>> deadLettersOf(long chatId) {
        return fixture.deadLetters().stream()
                .filter(record -> Long.toString(chatId).equals(record.key()))
                .toList();
    }

    private void awaitDelivered(long chatId, String... texts) {
        await().atMost(WAIT).until(() -> fixture.deliveredTexts(chatId).size() >= texts.length);
        assertThat(fixture.deliveredTexts(chatId)).containsExactly(texts);
    }

    /** Retention that cannot send twice (exactly-once issue, item 4): the delivery log remembers 3 days. */
    @Test
    void aReplyOlderThanTheDeliveryLogRemembersIsSkippedAndTheNextIsSent() {
        long chat = 1_077;
        double before = skippedAsTooOld();
        fixture.sendAt(text(chat, 1, "четыре дня назад"), System.currentTimeMillis() - Duration.ofDays(4).toMillis());
        fixture.send(text(chat, 2, "сейчас"));

        awaitDelivered(chat, "сейчас");
        assertThat(skippedAsTooOld() - before).isEqualTo(1);
    }

    private double skippedAsTooOld() {
        var counter = fixture.bean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("bread_bot.sender.deliveries").tag("outcome", "beyond_horizon").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTextReplyArrivesWithChatIdTextAndReplyParameters() {
        fixture.send(text(1001, 1, "Хлеб топ 🍞", 77));

        ApiCall call = awaitCallsTo("sendMessage", 1001, 1).get(0);
        assertThat(call.chatId()).isEqualTo(1001);
        assertThat(call.text()).isEqualTo("Хлеб топ 🍞");
        assertThat(call.replyToMessageId()).isEqualTo(77);
        assertThat(call.params().path("reply_parameters").path("message_id").asInt()).isEqualTo(77);
        assertThat(call.params().has("parse_mode")).isFalse();
    }

    @Test
    void everyMediaMethodSendsItsFileIdAsAReply() {
        long chat = 1002;
        fixture.send(
                media(chat, 1, ReplyMethod.SEND_PHOTO, "photo-file", "a caption"),
                media(chat, 2, ReplyMethod.SEND_VOICE, "voice-file", null),
                media(chat, 3, ReplyMethod.SEND_STICKER, "sticker-file", null),
                media(chat, 4, ReplyMethod.SEND_ANIMATION, "animation-file", null),
                media(chat, 5, ReplyMethod.SEND_VIDEO, "video-file", null),
                media(chat, 6, ReplyMethod.SEND_VIDEO_NOTE, "video-note-file", null));

        for (ReplyMethod method : List.of(ReplyMethod.SEND_PHOTO, ReplyMethod.SEND_VOICE, ReplyMethod.SEND_STICKER,
                ReplyMethod.SEND_ANIMATION, ReplyMethod.SEND_VIDEO, ReplyMethod.SEND_VIDEO_NOTE)) {
            ApiCall call = awaitCallsTo(method.apiName(), chat, 1).get(0);
            String expectedFile = switch (method) {
                case SEND_PHOTO -> "photo-file";
                case SEND_VOICE -> "voice-file";
                case SEND_STICKER -> "sticker-file";
                case SEND_ANIMATION -> "animation-file";
                case SEND_VIDEO -> "video-file";
                default -> "video-note-file";
            };
            assertThat(call.string(method.contentParameter())).as(method.apiName()).isEqualTo(expectedFile);
            assertThat(call.replyToMessageId()).as(method.apiName()).isEqualTo(5);
            assertThat(call.succeeded()).isTrue();
        }
        assertThat(callsTo("sendPhoto", chat).get(0).caption()).isEqualTo("a caption");
    }

    @Test
    void theSameReplyProducedTwiceIsSentOnce() {
        ReplyCommand reply = text(1003, 1, "once");
        fixture.send(reply, reply, text(1003, 2, "after"));

        awaitDelivered(1003, "once", "after");
        assertThat(callsTo("sendMessage", 1003)).hasSize(2);
        assertThat(fixture.database.query("SELECT chat_id FROM delivery_log WHERE reply_id = ?", reply.id()))
                .singleElement().satisfies(row -> assertThat(row.get("chat_id")).isEqualTo(1003L));
    }

    @Test
    void serverErrorsAreRetriedAndTheReplyIsDeliveredOnceInOrder() {
        fixture.telegram.script("sendMessage", FakeResponse.serverError(), FakeResponse.serverError());
        fixture.send(text(1004, 1, "first"), text(1004, 2, "second"));

        awaitDelivered(1004, "first", "second");
        assertThat(callsTo("sendMessage", 1004)).extracting(ApiCall::text, ApiCall::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("first", 500),
                        org.assertj.core.groups.Tuple.tuple("first", 500),
                        org.assertj.core.groups.Tuple.tuple("first", 200),
                        org.assertj.core.groups.Tuple.tuple("second", 200));
    }

    @Test
    void serverErrorsBeyondTheAttemptsEndInTheDeadLetterTopic() {
        fixture.telegram.script("sendMessage", FakeResponse.serverError(), FakeResponse.serverError(),
                FakeResponse.serverError());
        fixture.send(text(1010, 1, "doomed"), text(1010, 2, "next"));

        awaitDelivered(1010, "next");
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetters(1010, 1).get(0);
        assertThat(header(deadLetter, Headers.ERROR_CLASS)).endsWith("BotApiException$ServerError");
        assertThat(callsTo("sendMessage", 1010)).hasSize(4);
    }

    @Test
    void aCallWithoutAnswerIsRetriedAfterTheTimeout() {
        fixture.telegram.script("sendMessage", FakeResponse.hang());
        fixture.send(text(1011, 1, "patience"));

        awaitDelivered(1011, "patience");
        assertThat(callsTo("sendMessage", 1011)).hasSize(2);
    }

    @Test
    void aBadRequestIsDeadLetteredWithItsErrorAndTheChatGoesOn() {
        fixture.telegram.script("sendMessage",
                FakeResponse.badRequest("can't parse entities: Can't find end of the entity starting at byte offset 3"));
        ReplyCommand broken = text(1005, 1, "bro*ken");
        fixture.send(broken, text(1005, 2, "fine"));

        awaitDelivered(1005, "fine");
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetters(1005, 1).get(0);
        assertThat(header(deadLetter, Headers.ERROR_CLASS))
                .isEqualTo("org.breadbot.common.telegram.api.BotApiException$BadRequest");
        assertThat(header(deadLetter, Headers.ERROR_MESSAGE)).contains("can't parse entities");
        assertThat(deadLetter.value()).isEqualTo(Json.mapper().writeValueAsBytes(broken));
        assertThat(header(deadLetter, "kafka_dlt-exception-stacktrace")).isNull();
    }

    @Test
    void aChatThatBlockedTheBotIsMarkedAndItsWaitingRepliesAreDeadLetteredWithoutACall() {
        fixture.telegram.script("sendMessage", FakeResponse.forbidden("bot was blocked by the user"));
        Instant before = Instant.now().minusSeconds(5);
        fixture.send(
                ReplyCommand.text("1006:1:0", 1006, "a", null, 1, before),
                ReplyCommand.text("1006:2:0", 1006, "b", null, 2, before));

        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(1006, 2);
        assertThat(callsTo("sendMessage", 1006)).hasSize(1);
        assertThat(header(deadLetters.get(0), Headers.ERROR_CLASS)).endsWith("BotApiException$Forbidden");
        assertThat(header(deadLetters.get(1), Headers.ERROR_CLASS)).endsWith("ChatBlockedException");
        assertThat(fixture.database.query("SELECT status, description FROM chat_delivery_state WHERE chat_id = ?",
                1006L)).singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("blocked");
                    assertThat((String) row.get("description")).contains("bot was blocked by the user");
                });

        // a reply made later means the user spoke to the bot again
        fixture.send(ReplyCommand.text("1006:3:0", 1006, "c", null, 3, Instant.now().plusSeconds(1)));
        awaitDelivered(1006, "c");
    }

    @Test
    void aGroupThatBecameASupergroupGetsTheReplyAtItsNewIdAndSoDoLaterOnes() {
        fixture.telegram.script("sendMessage", FakeResponse.migrated(-1001007L));
        fixture.send(text(-1007, 1, "to the old id"));

        awaitDelivered(-1001007L, "to the old id");
        fixture.send(text(-1007, 2, "later"));
        awaitDelivered(-1001007L, "to the old id", "later");
        assertThat(callsTo("sendMessage", -1007)).hasSize(1);
        assertThat(fixture.database.query(
                "SELECT new_chat_id FROM chat_delivery_migration WHERE old_chat_id = ?", -1007L))
                .singleElement().satisfies(row -> assertThat(row.get("new_chat_id")).isEqualTo(-1001007L));
    }

    @Test
    void aReplyWhoseTargetMessageIsGoneIsSentAgainWithoutIt() {
        fixture.telegram.script("sendMessage", FakeResponse.badRequest("message to be replied not found"));
        fixture.send(text(1008, 1, "answer", 99));

        awaitDelivered(1008, "answer");
        List<ApiCall> calls = callsTo("sendMessage", 1008);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).replyToMessageId()).isEqualTo(99);
        assertThat(calls.get(1).replyToMessageId()).isNull();
        assertThat(fixture.deadLetters()).noneMatch(record -> "1008".equals(record.key()));
    }

    @Test
    void aReplyInAForumTopicCarriesTheTopicAndGoesToGeneralWhenTheTopicIsGone() {
        fixture.send(text(-1_001_010L, 1, "in the topic", 5).inThread(42));
        awaitDelivered(-1_001_010L, "in the topic");
        assertThat(callsTo("sendMessage", -1_001_010L).get(0).messageThreadId()).isEqualTo(42);

        fixture.telegram.script("sendMessage", FakeResponse.badRequest("message thread not found"));
        fixture.send(text(-1_001_010L, 2, "topic deleted", 6).inThread(43));

        awaitDelivered(-1_001_010L, "in the topic", "topic deleted");
        List<ApiCall> calls = callsTo("sendMessage", -1_001_010L);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1).messageThreadId()).isEqualTo(43);
        assertThat(calls.get(2).messageThreadId()).isNull();
        assertThat(calls.get(2).replyToMessageId()).as("still a reply when its message is there").isEqualTo(6);
        assertThat(fixture.deadLetters()).noneMatch(record -> "-1001010".equals(record.key()));
    }

    @Test
    void poisonRecordsAreDeadLetteredAsTheyCameAndTheRecordsAfterThemDelivered() {
        String chat = "1009";
        byte[] notJson = {(byte) 0xff, 0x00, 'x'};
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        String oversized = Json.mapper().writeValueAsString(text(1009, 7, "x".repeat(900_000)));
        fixture.sendRaw(chat, notJson);
        fixture.sendRaw(chat, "[1,2,3]");
        fixture.sendRaw(chat, "{\"id\":\"1009:1:0\",\"chatId\":1009,\"method\":\"SEND_FAX\"}");
        fixture.sendRaw(chat, deep);
        fixture.sendRaw(chat, oversized);
        fixture.sendRaw(chat, (byte[]) null);
        fixture.send(text(1009, 8, "still here"));

        awaitDelivered(1009, "still here");
        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(1009, 6);
        assertThat(deadLetters).hasSize(6).allSatisfy(record ->
                assertThat(header(record, Headers.ERROR_CLASS)).endsWith("InvalidReplyException"));
        assertThat(deadLetters.get(0).value()).isEqualTo(notJson);
        assertThat(deadLetters.get(5).value()).isNull();
        assertThat(callsTo("sendMessage", 1009)).hasSize(1);
    }

    /** Issue "no chat can stop another", item 8: every hostile shape, then an ordinary reply of the same chat. */
    @Test
    void everyHostileShapeOfReplyIsDeadLetteredAndTheChatsNextReplyDelivered() {
        long chat = 1014;
        String reply = "{\"id\":\"1014:%d:0\",\"chatId\":%s,\"method\":\"%s\",\"text\":%s,\"updateId\":1}";
        List<byte[]> hostile = List.of(
                reply.formatted(1, chat, "SEND_MESSAGE", HostileInput.nested(HostileInput.DEEP))
                        .getBytes(StandardCharsets.UTF_8),
                reply.formatted(2, HostileInput.digits(HostileInput.LONG_NUMBER), "SEND_MESSAGE", "\"x\"")
                        .getBytes(StandardCharsets.UTF_8),
                reply.formatted(3, "\"not a number\"", "SEND_MESSAGE", "\"x\"").getBytes(StandardCharsets.UTF_8),
                HostileInput.withInvalidUtf8(reply.formatted(4, chat, "SEND_MESSAGE",
                        "\"" + HostileInput.INVALID_UTF8 + "\"")),
                reply.formatted(5, chat, "SEND_TELEGRAM", "\"x\"").getBytes(StandardCharsets.UTF_8),
                reply.replace("\"chatId\":%s,", "").formatted(6, "SEND_MESSAGE", "\"x\"")
                        .getBytes(StandardCharsets.UTF_8));
        hostile.forEach(value -> fixture.sendRaw(Long.toString(chat), value));
        // valid replies of odd content: sent or refused by Telegram, and the chat goes on either way
        fixture.sendRaw(Long.toString(chat), reply.formatted(7, chat, "SEND_MESSAGE",
                Json.mapper().writeValueAsString(HostileInput.whitespace())).getBytes(StandardCharsets.UTF_8));
        fixture.sendRaw(Long.toString(chat), reply.formatted(8, chat, "SEND_MESSAGE",
                "\"a" + HostileInput.LONE_SURROGATE + "b\"").getBytes(StandardCharsets.UTF_8));
        fixture.send(text(chat, 9, "after them"));

        await().atMost(WAIT).until(() -> fixture.deliveredTexts(chat).contains("after them"));
        assertThat(fixture.deliveredTexts(chat).get(fixture.deliveredTexts(chat).size() - 1)).isEqualTo("after them");
        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(chat, hostile.size());
        assertThat(deadLetters).hasSizeGreaterThanOrEqualTo(hostile.size()).allSatisfy(record ->
                assertThat(header(record, Headers.ERROR_CLASS)).isNotBlank());
        assertThat(deadLetters.subList(0, hostile.size())).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(hostile);
    }

    @Test
    void aRecordWithoutKeyIsStillHandled() {
        fixture.sendRaw(null, Json.mapper().writeValueAsBytes(text(1012, 1, "no key")));

        awaitDelivered(1012, "no key");
    }

    @Test
    void deliveryLogRowsOlderThanTheRetentionArePurged() {
        fixture.database.update("INSERT INTO delivery_log (reply_id, chat_id, message_id, delivered_at) "
                + "VALUES ('old:1:0', 1, 1, now() - interval '4 days'), ('recent:1:0', 1, 2, now() - interval '2 days')");

        Long purged = fixture.bean(DeliveryLogPurge.class).purgeOnce().block(WAIT);

        assertThat(purged).isEqualTo(1);
        assertThat(fixture.database.query("SELECT reply_id FROM delivery_log WHERE reply_id IN ('old:1:0', "
                + "'recent:1:0')")).extracting(row -> row.get("reply_id")).containsExactly("recent:1:0");
    }

    @Test
    void healthMetricsAndLogsNeverShowTheToken(CapturedOutput output) {
        fixture.send(text(1013, 1, "for the metrics"));
        awaitDelivered(1013, "for the metrics");
        WebClient client = WebClient.create("http://127.0.0.1:" + fixture.port());

        String readiness = client.get().uri("/actuator/health/readiness").retrieve().bodyToMono(String.class)
                .block(WAIT);
        tools.jackson.databind.JsonNode components = Json.mapper().readTree(readiness).path("components");
        assertThat(readiness).contains("\"status\":\"UP\"");
        assertThat(components.propertyNames()).contains("kafka", "r2dbc", "delivery", "readinessState");
        String liveness = client.get().uri("/actuator/health/liveness").retrieve().bodyToMono(String.class)
                .block(WAIT);
        assertThat(liveness).contains("UP");
        String prometheus = client.get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class)
                .block(WAIT);
        assertThat(prometheus)
                .contains("bread_bot_sender_deliveries_total{method=\"sendMessage\",outcome=\"delivered\"")
                .contains("bread_bot_sender_rate_limit_wait_seconds_count")
                .contains("bread_bot_sender_retry_after_total")
                .contains("bread_bot_sender_dlt_total")
                .doesNotContain(FakeTelegram.TOKEN)
                .doesNotContain(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));
        assertThat(client.get().uri("/actuator/env").exchangeToMono(response ->
                reactor.core.publisher.Mono.just(response.statusCode().value())).block(WAIT)).isEqualTo(404);

        assertThat(output.getAll())
                .contains("Netty started on port")
                .doesNotContain(FakeTelegram.TOKEN)
                .doesNotContain(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));
    }
}

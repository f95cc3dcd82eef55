package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.MessageEntity;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.telegram.UpdateKinds;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** Our Update kinds, our samples of them and every Bot API call we make, against the Bot API 10.1 spec. */
class BotApiSpecTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final BotApiSpec SPEC = BotApiSpec.current();
    private static final long CHAT = -1001234567890L;

    /** The kinds that carry no chat: keyed by the user they name. */
    private static final Set<String> USER_KEYED = Set.of(UpdateKinds.BUSINESS_CONNECTION, UpdateKinds.INLINE_QUERY,
            UpdateKinds.CHOSEN_INLINE_RESULT, UpdateKinds.SHIPPING_QUERY, UpdateKinds.PRE_CHECKOUT_QUERY,
            UpdateKinds.PURCHASED_PAID_MEDIA, UpdateKinds.POLL_ANSWER, UpdateKinds.MANAGED_BOT);

    private static FakeTelegram telegram;
    private static BotApiClient client;

    @BeforeAll
    static void start() {
        telegram = FakeTelegram.start();
        client = new BotApiClient(WebClient.builder(),
                new TelegramApiProperties(URI.create(telegram.baseUrl()), FakeTelegram.TOKEN, WAIT));
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @Test
    void ourUpdateKindsAreTheSpecsUpdateFields() {
        assertThat(SPEC.version()).isEqualTo("Bot API 10.1");
        assertThat(UpdateKinds.ALL).containsExactlyElementsOf(SPEC.updateKinds());
    }

    @Test
    void everySampleHasTheShapeTheSpecGivesItsKind() {
        for (String kind : UpdateKinds.ALL) {
            JsonNode update = Json.mapper().readTree(UpdateSamples.of(kind, 1, CHAT, TestUsers.ALICE));
            assertThat(SPEC.problemsOfType(SPEC.updateFieldType(kind), update.get(kind))).as(kind).isEmpty();
        }
    }

    @Test
    void everyKindIsRecognisedAndKeyedByItsChatElseItsUserElseItsPoll() {
        for (String kind : UpdateKinds.ALL) {
            UpdateEnvelope first = envelopeOf(kind, 10);
            UpdateEnvelope second = envelopeOf(kind, 11);

            assertThat(first.type()).as(kind).isEqualTo(kind);
            assertThat(second.key()).as(kind + " keeps its key from update to update").isEqualTo(first.key());
            if (kind.equals(UpdateKinds.POLL)) {
                assertThat(first.stableId()).as(kind).isPresent();
            } else {
                assertThat(first.key()).as(kind).isEqualTo(USER_KEYED.contains(kind) ? TestUsers.ALICE.id() : CHAT);
            }
        }
    }

    private static UpdateEnvelope envelopeOf(String kind, long updateId) {
        return UpdateEnvelope.of(Json.mapper().readTree(UpdateSamples.of(kind, updateId, CHAT, TestUsers.ALICE)))
                .orElseThrow();
    }

    @Test
    void everyCallTheBotMakesUsesOnlyMethodsAndParametersOfTheSpec() {
        telegram.reset();
        MessageEntity mention = new MessageEntity("text_mention", 0, 5, null, TestUsers.ALICE, null);
        for (ReplyMethod method : ReplyMethod.values()) {
            boolean text = method == ReplyMethod.SEND_MESSAGE;
            ReplyCommand everything = new ReplyCommand("c:1:0", CHAT, method, text ? "Алиса" : null,
                    text ? null : "AgACAgIAAxkBAAI", text ? null : "Алиса", 17, 7, "HTML", List.of(mention), 1,
                    Instant.now());
            client.send(everything).block(WAIT);
            client.send(ReplyCommand.text("c:1:1", CHAT, "просто", null, 1, Instant.now())).block(WAIT);
        }
        client.getRawUpdates(0, 100, Duration.ZERO, UpdateKinds.ALL).block(WAIT);
        client.getRawUpdates(0, 100, Duration.ZERO, null).block(WAIT);
        client.setWebhook("https://bread.example.org/telegram/webhook", "s3cr3t_token", UpdateKinds.ALL, true)
                .block(WAIT);
        client.setWebhook("https://bread.example.org/telegram/webhook", null, null, false).block(WAIT);
        client.deleteWebhook(true).block(WAIT);
        client.getWebhookInfo().block(WAIT);
        client.getMe().block(WAIT);
        client.getChatAdministrators(CHAT).block(WAIT);

        List<ApiCall> calls = telegram.calls();
        assertThat(calls).extracting(ApiCall::method).containsAll(List.of("sendMessage", "sendPhoto", "sendVoice",
                "sendSticker", "sendAnimation", "sendVideo", "sendVideoNote", "getUpdates", "setWebhook",
                "deleteWebhook", "getWebhookInfo", "getMe", "getChatAdministrators"));
        for (ApiCall call : calls) {
            assertThat(SPEC.problemsOf(call.method(), call.params())).as(call.toString()).isEmpty();
        }
    }

    @Test
    void theCheckFindsWhatTheBotApiWouldNotTake() {
        assertThat(SPEC.problemsOf("sendPhoto", params("{\"chat_id\": 1, \"photo\": \"f\", \"caption\": \"c\","
                + " \"caption_parse_mode\": \"HTML\"}")))
                .containsExactly("sendPhoto: no parameter or field caption_parse_mode");
        assertThat(SPEC.problemsOf("sendMessage", params("{\"text\": \"x\"}")))
                .containsExactly("sendMessage: required chat_id missing");
        assertThat(SPEC.problemsOf("sendMessage",
                params("{\"chat_id\": 1, \"text\": \"x\", \"message_thread_id\": \"7\"}")))
                .containsExactly("sendMessage.message_thread_id: \"7\" is not Integer");
        assertThat(SPEC.problemsOf("sendMessage", params("{\"chat_id\": 1, \"text\": \"x\","
                + " \"reply_parameters\": {\"message_id\": 5, \"allow_without_reply\": true}}")))
                .containsExactly(
                        "sendMessage.reply_parameters (ReplyParameters): no parameter or field allow_without_reply");
        assertThat(SPEC.problemsOf("sendMessage", params("{\"chat_id\": 1, \"text\": \"x\","
                + " \"entities\": [{\"type\": \"bold\", \"offset\": 0}]}")))
                .containsExactly("sendMessage.entities[0] (MessageEntity): required length missing");
        assertThat(SPEC.problemsOf("sendMessage", params("{\"chat_id\": true, \"text\": \"x\"}")))
                .containsExactly("sendMessage.chat_id: true is none of [Integer, String]");
        assertThat(SPEC.problemsOf("sendMesage", params("{}"))).containsExactly("no method sendMesage in Bot API 10.1");
    }

    private static JsonNode params(String json) {
        return Json.mapper().readTree(json);
    }
}

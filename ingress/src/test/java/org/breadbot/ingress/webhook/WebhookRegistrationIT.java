package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.BotApiException;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.breadbot.ingress.IngressProperties;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.FakeTelegram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

class WebhookRegistrationIT {

    private static final String URL = "https://bread.example.org/telegram/webhook";
    private static final String SECRET = "registration_secret-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final FakeTelegram telegram = FakeTelegram.start();
    private static final BotApiClient client = new BotApiClient(WebClient.builder(),
            new TelegramApiProperties(URI.create(telegram.baseUrl()), FakeTelegram.TOKEN, Duration.ofSeconds(5)));

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @BeforeEach
    void resetTelegram() {
        telegram.reset();
    }

    private static WebhookRegistration registration(String url, List<String> allowedUpdates) {
        IngressProperties.Webhook webhook = new IngressProperties.Webhook(SECRET, null, DataSize.ofMegabytes(1),
                Duration.ofSeconds(5), url, false, false);
        IngressProperties properties = new IngressProperties(allowedUpdates, webhook,
                new IngressProperties.Polling(false, 100, Duration.ofSeconds(30), false, Duration.ofSeconds(1),
                        Duration.ofSeconds(30)),
                new IngressProperties.Kafka(Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(10)));
        return new WebhookRegistration(client, properties);
    }

    @Test
    void registersWithSecretAndUpdateKindsWhenTelegramHasNoWebhook() {
        boolean called = registration(URL, List.of("message", "edited_message")).registerIfChanged().block(WAIT);

        assertThat(called).isTrue();
        List<ApiCall> calls = telegram.calls("setWebhook");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).string("url")).isEqualTo(URL);
        assertThat(calls.get(0).string("secret_token")).isEqualTo(SECRET);
        assertThat(calls.get(0).params().get("allowed_updates").toString())
                .isEqualTo("[\"message\",\"edited_message\"]");
    }

    @Test
    void secondReplicaFindsTheWebhookInPlaceAndDoesNotCallSetWebhook() {
        registration(URL, List.of()).registerIfChanged().block(WAIT);

        boolean calledAgain = registration(URL, List.of()).registerIfChanged().block(WAIT);

        assertThat(calledAgain).isFalse();
        assertThat(telegram.calls("setWebhook")).hasSize(1);
        assertThat(telegram.calls("getWebhookInfo")).hasSize(2);
    }

    @Test
    void differentUrlIsRegisteredAnew() {
        registration("https://old.example.org/telegram/webhook", List.of()).registerIfChanged().block(WAIT);

        boolean called = registration(URL, List.of()).registerIfChanged().block(WAIT);

        assertThat(called).isTrue();
        assertThat(telegram.calls("setWebhook")).extracting(call -> call.string("url"))
                .containsExactly("https://old.example.org/telegram/webhook", URL);
    }

    @Test
    void forcedRegistrationCallsSetWebhookEvenWhenInPlace() {
        registration(URL, List.of()).registerIfChanged().block(WAIT);

        registration(URL, List.of()).register().block(WAIT);

        assertThat(telegram.calls("setWebhook")).hasSize(2);
    }

    @Test
    void refusedRegistrationFailsWithTelegramsReason() {
        telegram.script("setWebhook", FakeResponse.badRequest("bad webhook: HTTPS url must be provided for webhook"));

        assertThatThrownBy(() -> registration(URL, List.of()).registerIfChanged().block(WAIT))
                .isInstanceOf(BotApiException.BadRequest.class)
                .hasMessageContaining("HTTPS url must be provided")
                .hasMessageNotContaining(FakeTelegram.TOKEN);
    }
}

package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.breadbot.ingress.IngressProperties;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;

/** Polling with no secret set: the webhook is closed, so nobody can post forged updates next to the poller. */
class WebhookClosedTest {

    private static IngressProperties properties(boolean polling, String secret) {
        var webhook = new IngressProperties.Webhook(secret, null, DataSize.ofMegabytes(1), Duration.ofSeconds(5),
                null, false, false, false);
        var poll = new IngressProperties.Polling(polling, 100, Duration.ofSeconds(30), false, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        return new IngressProperties(List.of(), webhook, poll, null);
    }

    @Test
    void pollingWithoutASecretClosesTheWebhookAndStartsQuietly() {
        IngressProperties closed = properties(true, null);
        WebTestClient client = WebTestClient.bindToRouterFunction(new WebhookRoutes().webhookRoute(null, closed))
                .build();

        client.post().uri(WebhookRoutes.PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Updates.text("Хлеб all").inGroup(-100).json())
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectBody(String.class).value(body -> assertThat(body).contains("the webhook is closed"));
        new WebhookSecretGuard(closed); // no secret, yet no refusal to start
    }

    @Test
    void theWebhookIsOpenWithASecretOrWithoutPolling() {
        assertThat(WebhookRoutes.isClosed(properties(true, "polling_and_webhook_secret"))).isFalse();
        assertThat(WebhookRoutes.isClosed(properties(false, null))).isFalse();
        assertThat(WebhookRoutes.isClosed(properties(true, null))).isTrue();
    }
}

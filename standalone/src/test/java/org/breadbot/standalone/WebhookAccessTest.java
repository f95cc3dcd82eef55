package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standalone launcher lets the webhook go without a secret only when none is configured anywhere. */
class WebhookAccessTest {

    private static final Map<String, String> ALLOWED = Map.of(StandaloneSettings.ALLOW_UNAUTHENTICATED, "true");

    @Test
    void withoutAnySecretTheWebhookIsServedWithoutOne() {
        assertThat(StandaloneSettings.webhookAccess(Map.of(), Map.of())).isEqualTo(ALLOWED);
        assertThat(StandaloneSettings.webhookAccess(Map.of("TELEGRAM_WEBHOOK_SECRET", "  "), Map.of()))
                .isEqualTo(ALLOWED);
    }

    @Test
    void aSecretFromTheEnvironmentOrTheOverridesKeepsTheWebhookClosed() {
        assertThat(StandaloneSettings.webhookAccess(Map.of("TELEGRAM_WEBHOOK_SECRET", "s3cret"), Map.of())).isEmpty();
        assertThat(StandaloneSettings.webhookAccess(Map.of("BREAD_BOT_INGRESS_WEBHOOK_SECRET", "s3cret"), Map.of()))
                .isEmpty();
        assertThat(StandaloneSettings.webhookAccess(Map.of(), Map.of("TELEGRAM_WEBHOOK_SECRET", "s3cret"))).isEmpty();
        assertThat(StandaloneSettings.webhookAccess(Map.of(), Map.of("bread-bot.ingress.webhook.secret", "s3cret")))
                .isEmpty();
    }

    @Test
    void anExplicitSwitchIsLeftAsItIs() {
        assertThat(StandaloneSettings.webhookAccess(
                Map.of("BREAD_BOT_INGRESS_WEBHOOK_ALLOW_UNAUTHENTICATED", "false"), Map.of())).isEmpty();
        assertThat(StandaloneSettings.webhookAccess(Map.of(),
                Map.of(StandaloneSettings.ALLOW_UNAUTHENTICATED, "false"))).isEmpty();
    }
}

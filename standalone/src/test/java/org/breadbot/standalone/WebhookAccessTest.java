package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standalone launcher lets the webhook go without a secret only when there is no real bot behind it: no token
 * and no secret configured anywhere.
 */
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

    @Test
    void withATokenTheWebhookIsNeverOpenedWithoutASecret() {
        Map<String, String> token = Map.of("TELEGRAM_BOT_TOKEN", "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345");
        // polling: nothing is set, and ingress closes the webhook
        assertThat(StandaloneSettings.webhookAccess(token, Map.of())).isEmpty();
        assertThat(StandaloneSettings.webhookAccess(Map.of(), Map.of("telegram.api.bot-token", "123:abc")))
                .isEmpty();

        Map<String, String> webhookMode = new java.util.HashMap<>(token);
        webhookMode.put("BREAD_BOT_INGRESS_WEBHOOK_REGISTER_URL", "https://bread.example.org/telegram/webhook");
        Map<String, Object> first = StandaloneSettings.webhookAccess(webhookMode, Map.of());
        Map<String, Object> second = StandaloneSettings.webhookAccess(webhookMode, Map.of());
        assertThat(first).containsOnlyKeys(StandaloneSettings.SECRET);
        assertThat((String) first.get(StandaloneSettings.SECRET)).matches("[A-Za-z0-9_-]{43}");
        assertThat(first).isNotEqualTo(second);
        assertThat(org.breadbot.common.secret.Secrets.mask("secret " + first.get(StandaloneSettings.SECRET)))
                .isEqualTo("secret ***");
    }

    @Test
    void theServerListensOnLoopbackUnlessToldOtherwise() {
        assertThat(StandaloneSettings.listenAddress(Map.of(), Map.of()))
                .isEqualTo(Map.of("server.address", "127.0.0.1"));
        assertThat(StandaloneSettings.listenAddress(Map.of("SERVER_ADDRESS", "0.0.0.0"), Map.of())).isEmpty();
        assertThat(StandaloneSettings.listenAddress(Map.of(), Map.of("server.address", "::"))).isEmpty();
    }
}

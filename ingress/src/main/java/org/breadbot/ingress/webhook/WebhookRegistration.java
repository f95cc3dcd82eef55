package org.breadbot.ingress.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.breadbot.common.telegram.WebhookInfo;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.ingress.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Points Telegram at this ingress. Several replicas start at once, so a replica first asks getWebhookInfo and calls
 * setWebhook only when Telegram's URL or update kinds differ: repeating it would be harmless but noisy.
 * Telegram never reveals the secret, so a new secret is pushed with a forced registration (the register-only run).
 */
class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final BotApiClient client;
    private final IngressProperties.Webhook webhook;
    private final List<String> allowedUpdates;

    WebhookRegistration(BotApiClient client, IngressProperties properties) {
        this.client = client;
        this.webhook = properties.webhook();
        this.allowedUpdates = properties.allowedUpdates();
    }

    /** @return whether setWebhook was called */
    Mono<Boolean> registerIfChanged() {
        return client.getWebhookInfo()
                .flatMap(info -> isCurrent(info) ? alreadyCurrent() : register());
    }

    /** Calls setWebhook unconditionally, e.g. to push a rotated secret. */
    Mono<Boolean> register() {
        if (!webhook.requiresSecret()) {
            log.warn("Registering the webhook without a secret: anyone who learns the URL can post updates");
        }
        return client.setWebhook(webhook.registerUrl(), webhook.secret(), allowedUpdates,
                        webhook.dropPendingUpdates())
                .doOnSuccess(done -> log.info("Webhook registered at {} for update kinds {}",
                        webhook.registerUrl(), allowedUpdates.isEmpty() ? "(Telegram's default)" : allowedUpdates))
                .thenReturn(true);
    }

    private boolean isCurrent(WebhookInfo info) {
        List<String> registered = info.allowedUpdates() == null ? List.of() : info.allowedUpdates();
        return Objects.equals(info.url(), webhook.registerUrl())
                && new HashSet<>(registered).equals(new HashSet<>(allowedUpdates));
    }

    private Mono<Boolean> alreadyCurrent() {
        log.info("Webhook already registered at {}; setWebhook not called", webhook.registerUrl());
        return Mono.just(false);
    }
}

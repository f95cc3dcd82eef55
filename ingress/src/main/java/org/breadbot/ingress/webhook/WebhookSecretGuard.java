package org.breadbot.ingress.webhook;

import org.breadbot.ingress.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses to start ingress without a webhook secret: without one, anyone who can reach the webhook can make the bot
 * act on forged updates (telegram-bot-api.md §9). Local use without a secret has to be asked for explicitly with
 * {@code bread-bot.ingress.webhook.allow-unauthenticated=true}, and is then warned about loudly.
 */
@Component
class WebhookSecretGuard {

    static final String MISSING_SECRET = "The webhook secret is not set. Set TELEGRAM_WEBHOOK_SECRET (1-256 characters"
            + " of A-Z a-z 0-9 _ -, e.g. from `openssl rand -hex 32`); ingress passes it to setWebhook and requires it"
            + " on every request. Only for local use, bread-bot.ingress.webhook.allow-unauthenticated=true serves the"
            + " webhook without one.";

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretGuard.class);

    WebhookSecretGuard(IngressProperties properties) {
        if (WebhookRoutes.isClosed(properties)) {
            log.info("Taking updates by long polling; the webhook is closed (no secret set)");
            return;
        }
        check(properties.webhook());
    }

    static void check(IngressProperties.Webhook webhook) {
        if (webhook.requiresSecret()) {
            return;
        }
        if (!webhook.allowUnauthenticated()) {
            throw new IllegalStateException(MISSING_SECRET);
        }
        log.warn("**********************************************************************************************");
        log.warn("The webhook accepts requests WITHOUT A SECRET (bread-bot.ingress.webhook.allow-unauthenticated)."
                + " Anyone who can reach POST /telegram/webhook can make the bot act on forged updates."
                + " Set TELEGRAM_WEBHOOK_SECRET for anything but local use.");
        log.warn("**********************************************************************************************");
    }
}

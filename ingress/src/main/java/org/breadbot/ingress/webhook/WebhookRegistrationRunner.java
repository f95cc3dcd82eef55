package org.breadbot.ingress.webhook;

import java.time.Duration;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.breadbot.ingress.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The start-up job behind {@code bread-bot.ingress.webhook.register-url} (off when empty). A failure is logged and
 * ingress keeps serving, since Telegram may still hold a good registration. With {@code register-only=true} it
 * registers unconditionally and ends the process: exit code 0 on success, 1 on failure.
 */
@Component
class WebhookRegistrationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistrationRunner.class);

    private final WebhookRegistration registration;
    private final IngressProperties.Webhook webhook;
    private final Duration timeout;
    private final ConfigurableApplicationContext context;

    WebhookRegistrationRunner(BotApiClient client, IngressProperties properties, TelegramApiProperties api,
            ConfigurableApplicationContext context) {
        this.registration = new WebhookRegistration(client, properties);
        this.webhook = properties.webhook();
        this.timeout = api.requestTimeout().multipliedBy(3);
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!webhook.registers()) {
            return;
        }
        if (!webhook.registerOnly()) {
            succeeded(registration.registerIfChanged());
            return;
        }
        int exitCode = succeeded(registration.register()) ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    private boolean succeeded(Mono<Boolean> job) {
        try {
            job.block(timeout);
            return true;
        } catch (RuntimeException e) {
            // BotApiException messages never hold the token
            log.error("Webhook registration failed: {}", e.getMessage());
            return false;
        }
    }
}

package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.breadbot.ingress.IngressDefaults;
import org.breadbot.ingress.IngressProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Ingress without a webhook secret starts only when that was asked for, and then says so loudly. */
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretGuardTest {

    private static final String SECRET = "guard_secret-0123456789abcdef";

    /** The ingress defaults (ingress.yml, from the environment) and the guard, nothing else. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> new IngressDefaults().postProcessEnvironment(context.getEnvironment(),
                    new org.springframework.boot.SpringApplication(org.breadbot.ingress.IngressApplication.class)))
            .withUserConfiguration(PropertiesOnly.class)
            .withBean(WebhookSecretGuard.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngressProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void withoutASecretIngressRefusesToStartAndSaysWhatToSet() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET")
                    .hasMessageContaining("allow-unauthenticated");
        });
    }

    @Test
    void anEmptySecretCountsAsNone() {
        runner.withPropertyValues("TELEGRAM_WEBHOOK_SECRET=")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void withTheSecretIngressStartsWithoutWarning(CapturedOutput output) {
        runner.withPropertyValues("TELEGRAM_WEBHOOK_SECRET=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("WITHOUT A SECRET").doesNotContain(SECRET);
    }

    @Test
    void explicitlyAllowedUnauthenticatedUseStartsWithALoudWarning(CapturedOutput output) {
        runner.withPropertyValues("bread-bot.ingress.webhook.allow-unauthenticated=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(IngressProperties.class).webhook().allowUnauthenticated()).isTrue();
                });

        assertThat(output).contains("WARN").contains("WITHOUT A SECRET");
    }

    @Test
    void aSecretMakesTheSwitchIrrelevant(CapturedOutput output) {
        runner.withPropertyValues("TELEGRAM_WEBHOOK_SECRET=" + SECRET,
                        "bread-bot.ingress.webhook.allow-unauthenticated=true")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("WITHOUT A SECRET");
    }
}

package org.breadbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class IngressPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngressProperties.class)
    static class PropertiesOnly {
    }

    private static String messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join("\n", messages);
    }

    @Test
    void defaultsMatchTheContract() {
        runner.run(context -> {
            IngressProperties properties = context.getBean(IngressProperties.class);
            assertThat(properties.webhook().maxBodySize().toBytes()).isEqualTo(1024 * 1024);
            assertThat(properties.webhook().requiresSecret()).isFalse();
            assertThat(properties.webhook().registers()).isFalse();
            assertThat(properties.polling().enabled()).isFalse();
            assertThat(properties.polling().limit()).isEqualTo(100);
            assertThat(properties.kafka().produceTimeout()).isEqualTo(Duration.ofSeconds(8));
            assertThat(properties.allowedUpdates())
                    .containsExactly("message", "edited_message", "my_chat_member", "chat_member");
        });
    }

    @Test
    void allowedUpdatesAreConfigurableAndAnEmptyListLeavesTheChoiceToTelegram() {
        runner.withPropertyValues("bread-bot.ingress.allowed-updates=message,message_reaction,guest_message")
                .run(context -> assertThat(context.getBean(IngressProperties.class).allowedUpdates())
                        .containsExactly("message", "message_reaction", "guest_message"));
        runner.withPropertyValues("bread-bot.ingress.allowed-updates=")
                .run(context -> assertThat(context.getBean(IngressProperties.class).allowedUpdates()).isEmpty());
    }

    @Test
    void anAllowedUpdateThatIsNoBotApiKindFailsStartUp() {
        runner.withPropertyValues("bread-bot.ingress.allowed-updates=message,chat_members")
                .run(context -> assertThat(messagesOf(context.getStartupFailure()))
                        .contains("everyAllowedUpdateKnown"));
    }

    @Test
    void malformedSecretFailsStartUpWithoutShowingIt() {
        String secret = "has spaces and ünïcode";
        runner.withPropertyValues("bread-bot.ingress.webhook.secret=" + secret).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure()))
                    .contains("secretWellFormed")
                    .doesNotContain(secret);
        });
    }

    @Test
    void secretLongerThanTelegramAllowsFailsStartUp() {
        runner.withPropertyValues("bread-bot.ingress.webhook.secret=" + "a".repeat(257))
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("bread-bot.ingress.webhook.secret=" + "a".repeat(256))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void pollingAndWebhookRegistrationExcludeEachOther() {
        runner.withPropertyValues("bread-bot.ingress.polling.enabled=true",
                "bread-bot.ingress.webhook.register-url=https://bread.example.org/telegram/webhook")
                .run(context -> assertThat(messagesOf(context.getStartupFailure())).contains("oneModeOfDelivery"));
    }

    @Test
    void pollTimeoutAboveTelegramsCapFailsStartUp() {
        runner.withPropertyValues("bread-bot.ingress.polling.timeout=51s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void registerOnlyWithoutUrlFailsStartUp() {
        runner.withPropertyValues("bread-bot.ingress.webhook.register-only=true")
                .run(context -> assertThat(messagesOf(context.getStartupFailure())).contains("registerOnlyComplete"));
    }

    @Test
    void toStringMasksTheSecret() {
        runner.withPropertyValues("bread-bot.ingress.webhook.secret=abc_DEF-123456")
                .run(context -> assertThat(context.getBean(IngressProperties.class).toString())
                        .doesNotContain("abc_DEF-123456"));
    }
}

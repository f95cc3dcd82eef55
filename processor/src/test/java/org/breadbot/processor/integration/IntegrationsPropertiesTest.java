package org.breadbot.processor.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.breadbot.processor.ProcessorDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code bread-bot.integrations.*} as the application binds it, with processor.yml's mapping. */
class IntegrationsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IntegrationsProperties.class)
    static class Config {
    }

    /** {@code environment} stands in for the process environment. */
    private static IntegrationsProperties bind(Map<String, Object> environment) {
        try (var context = new AnnotationConfigApplicationContext()) {
            // relaxed binding of VARIABLE_NAMES applies to environment sources named like this
            context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                    "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
            new ProcessorDefaults().postProcessEnvironment(context.getEnvironment(),
                    new SpringApplication(Config.class));
            context.register(Config.class);
            context.refresh();
            return context.getBean(IntegrationsProperties.class);
        }
    }

    @Test
    void withoutSettingsTheOriginalsServicesAreUsedAndOpenAiIsNotConfigured() {
        IntegrationsProperties properties = bind(Map.of());

        assertThat(properties.quotes().baseUrl()).isEqualTo("http://api.forismatic.com");
        assertThat(properties.jokes().baseUrl()).isEqualTo("https://baneks.ru");
        assertThat(properties.advice().baseUrl()).isEqualTo("http://fucking-great-advice.ru");
        assertThat(properties.quotes().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.openai().baseUrl()).isEqualTo("https://api.openai.com");
        assertThat(properties.openai().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.openai().configured()).isFalse();
    }

    @Test
    void theOriginalOpenAiVariablesAreHonouredAndTheKeyNeverShows() {
        IntegrationsProperties properties = bind(Map.of("OPENAI_TOKEN", "sk-secret-123", "OPENAI_ORGANIZATION",
                "org-7"));

        assertThat(properties.openai().configured()).isTrue();
        assertThat(properties.openai().key()).isEqualTo("sk-secret-123");
        assertThat(properties.openai().organization()).isEqualTo("org-7");
        assertThat(properties.toString()).doesNotContain("sk-secret-123").contains("key=***");
    }

    @Test
    void everyServiceCanBeMovedRetimedOrSwitchedOffFromTheEnvironment() {
        IntegrationsProperties properties = bind(Map.of(
                "BREAD_BOT_INTEGRATIONS_QUOTES_BASE_URL", "http://quotes.internal:8080",
                "BREAD_BOT_INTEGRATIONS_QUOTES_TIMEOUT", "2s",
                "BREAD_BOT_INTEGRATIONS_QUOTES_RETRIES", "0",
                "BREAD_BOT_INTEGRATIONS_JOKES_BASE_URL", "",
                "BREAD_BOT_INTEGRATIONS_OPENAI_BASE_URL", "http://llm.internal",
                "BREAD_BOT_INTEGRATIONS_OPENAI_KEY", "local"));

        assertThat(properties.quotes().baseUrl()).isEqualTo("http://quotes.internal:8080");
        assertThat(properties.quotes().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.quotes().retries()).isZero();
        assertThat(properties.jokes().configured()).isFalse();
        assertThat(properties.advice().configured()).isTrue();
        assertThat(properties.openai().baseUrl()).isEqualTo("http://llm.internal");
        assertThat(properties.openai().configured()).isTrue();
    }
}

package org.breadbot.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Whatever a log line holds, the bot token and the configured secrets never reach the output. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

    private static final String TOKEN = "987654321:AAHsomethingThatLooksLikeAToken_0123456789";
    /** Secrets that look like ordinary words: nothing but their registration can mask them. */
    private static final String WEBHOOK_SECRET = "breadcrumbs";
    private static final String DB_PASSWORD = "sunflower";
    private static final String OPENAI_KEY = "marmalade";

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    /**
     * Logging is set up once per JVM unless cleaned up, and Boot keeps the chosen format in a system property; each
     * test wants its own format.
     */
    @BeforeEach
    @AfterEach
    void forgetLoggingSetUp() {
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    private static ConfigurableApplicationContext start(Map<String, Object> extra) {
        return new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "telegram.api.bot-token", TOKEN,
                        "bread-bot.ingress.webhook.secret", WEBHOOK_SECRET,
                        "spring.r2dbc.password", DB_PASSWORD,
                        "OPENAI_TOKEN", OPENAI_KEY))
                .properties(extra)
                .run();
    }

    private static void logEverywhere() {
        log.info("calling https://api.telegram.org/bot{}/sendMessage", TOKEN);
        log.warn("secret header was {} and the database password {}", WEBHOOK_SECRET, DB_PASSWORD);
        log.warn("OpenAI said: key {} is invalid", OPENAI_KEY);
        log.error("request failed", new IllegalStateException("POST /bot" + TOKEN + "/getMe refused"));
        log.info("a token of another bot: 123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345");
    }

    @Test
    void plainTextLinesAreMasked(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            logEverywhere();
        }

        assertThat(output.getOut()).contains("calling https://api.telegram.org/bot***/sendMessage",
                "secret header was *** and the database password ***", "key *** is invalid", "POST /bot***/getMe refused",
                "a token of another bot: ***");
        assertThat(output.getOut()).doesNotContain("\"message\":");
        assertNothingLeaked(output);
    }

    @Test
    void structuredJsonLinesAreMaskedAndStayJson(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of("logging.structured.format.console", "ecs"))) {
            logEverywhere();
        }

        assertThat(output.getOut()).contains("\"message\":\"calling https://api.telegram.org/bot***/sendMessage\"");
        assertThat(output.getOut().lines().filter(line -> line.contains("bot***/getMe")))
                .isNotEmpty()
                .allMatch(line -> line.startsWith("{") && line.endsWith("}"));
        assertNothingLeaked(output);
    }

    private static void assertNothingLeaked(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(TOKEN, "AAHsomethingThatLooksLikeAToken", WEBHOOK_SECRET,
                DB_PASSWORD, OPENAI_KEY, "ABCdefGHIjklMNOpqrSTUvwxYZ012345");
    }
}

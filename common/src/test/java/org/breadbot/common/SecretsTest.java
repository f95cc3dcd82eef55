package org.breadbot.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.breadbot.common.secret.Secrets;
import org.breadbot.common.telegram.api.BotApiException;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void tokensAreMaskedInUrlsAndAlone() {
        assertThat(Secrets.mask("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed"))
                .isEqualTo("POST https://api.telegram.org/bot***/sendMessage failed");
        assertThat(Secrets.mask("token=" + TOKEN)).isEqualTo("token=***");
        assertThat(Secrets.mask("chat -1001234567890 at 12:30")).isEqualTo("chat -1001234567890 at 12:30");
    }

    @Test
    void aConfiguredSecretIsMaskedToo() {
        assertThat(Secrets.mask("header was s3cr3t-value", "s3cr3t-value")).isEqualTo("header was ***");
    }

    @Test
    void aRegisteredSecretIsMaskedEverywhereEvenWhenItLooksLikeAWord() {
        Secrets.registerEnvironment(java.util.Map.of("DB_PASSWORD", "pumpernickel", "OPENAI_TOKEN", "croissant42"));
        Secrets.register("bagel");
        Secrets.register("bread_bot");

        assertThat(Secrets.mask("FATAL: password authentication failed; tried pumpernickel"))
                .isEqualTo("FATAL: password authentication failed; tried ***");
        assertThat(new BotApiException("sendMessage", 401, "key croissant42 refused")
                .getMessage()).doesNotContain("croissant42");
        assertThat(Secrets.mask("a bagel and the bread_bot database"))
                .as("too short to be a secret, and the development default is none")
                .isEqualTo("a bagel and the bread_bot database");
    }

    @Test
    void propertiesAndErrorsNeverPrintTheToken() {
        var properties = new TelegramApiProperties(URI.create("https://api.telegram.org"), TOKEN,
                Duration.ofSeconds(1));
        var error = new BotApiException.Timeout("sendMessage",
                new RuntimeException("Connection refused: https://api.telegram.org/bot" + TOKEN + "/sendMessage"));

        assertThat(properties.toString()).doesNotContain(TOKEN).contains("***");
        assertThat(error.getMessage()).doesNotContain(TOKEN);
    }
}

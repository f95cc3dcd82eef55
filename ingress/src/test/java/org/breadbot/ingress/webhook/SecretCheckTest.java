package org.breadbot.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.breadbot.ingress.IngressProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SecretCheckTest {

    private static IngressProperties.Webhook webhook(String secret, String previous) {
        return new IngressProperties.Webhook(secret, previous, DataSize.ofMegabytes(1), Duration.ofSeconds(5),
                null, false, false);
    }

    @Test
    void withoutConfiguredSecretEveryRequestIsAccepted() {
        SecretCheck check = SecretCheck.of(webhook(null, null));

        assertThat(check.required()).isFalse();
        assertThat(check.accepts(null)).isTrue();
        assertThat(check.accepts("anything")).isTrue();
    }

    @Test
    void emptySecretCountsAsNotConfigured() {
        assertThat(SecretCheck.of(webhook("", null)).required()).isFalse();
    }

    @Test
    void configuredSecretMustMatchExactly() {
        SecretCheck check = SecretCheck.of(webhook("s3cret_value-1", null));

        assertThat(check.required()).isTrue();
        assertThat(check.accepts("s3cret_value-1")).isTrue();
        assertThat(check.accepts(null)).isFalse();
        assertThat(check.accepts("")).isFalse();
        assertThat(check.accepts("s3cret_value-")).isFalse();
        assertThat(check.accepts("s3cret_value-12")).isFalse();
        assertThat(check.accepts("S3cret_value-1")).isFalse();
        assertThat(check.accepts(" s3cret_value-1")).isFalse();
    }

    @Test
    void previousSecretIsAcceptedDuringRotation() {
        SecretCheck check = SecretCheck.of(webhook("new-secret", "old-secret"));

        assertThat(check.accepts("new-secret")).isTrue();
        assertThat(check.accepts("old-secret")).isTrue();
        assertThat(check.accepts("other")).isFalse();
    }

    @Test
    void previousSecretAloneDoesNotTurnTheCheckOn() {
        assertThat(SecretCheck.of(webhook(null, "old-secret")).required()).isFalse();
    }

    @Test
    void nonAsciiGuessesAreRefused() {
        SecretCheck check = SecretCheck.of(webhook("abc", null));

        assertThat(check.accepts("абв")).isFalse();
        assertThat(check.accepts("abc\u0000")).isFalse();
    }
}

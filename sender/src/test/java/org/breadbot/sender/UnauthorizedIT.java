package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.text;

import java.time.Duration;
import org.breadbot.testsupport.FakeTelegram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** A revoked or wrong token is fatal: stop, alert, report DOWN, keep the replies in Kafka for the next start. */
@ExtendWith(OutputCaptureExtension.class)
class UnauthorizedIT {

    private static final String WRONG_TOKEN = "987654321:AAHwrongTokenForTests_zyxwvutsrqponmlk";

    private SenderFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** The probe's HTTP status; every probe must answer within 10 s. */
    private int status(String path) {
        return WebClient.create("http://127.0.0.1:" + fixture.port()).get().uri(path)
                .exchangeToMono(response -> Mono.just(response.statusCode().value()))
                .block(Duration.ofSeconds(10));
    }

    @Test
    void aRejectedTokenStopsTheSenderWithAnAlertAndTheRepliesWaitForTheNextStart(CapturedOutput output) {
        fixture = new SenderFixture().with("telegram.api.bot-token", WRONG_TOKEN);
        fixture.startSender();
        fixture.send(text(5001, 1, "first"), text(5002, 1, "second"));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.telegram.calls("sendMessage").stream()
                .anyMatch(call -> call.status() == 401));
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 503);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health") == 503);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/liveness") == 200);
        assertThat(fixture.bean(ConcurrentMessageListenerContainer.class).isPauseRequested()).isTrue();
        assertThat(output.getAll()).contains("ALERT: Telegram rejected the bot token")
                .doesNotContain(WRONG_TOKEN)
                .doesNotContain(WRONG_TOKEN.substring(WRONG_TOKEN.indexOf(':') + 1));
        assertThat(fixture.deadLetters()).isEmpty();

        fixture.stopSender();
        fixture.with("telegram.api.bot-token", FakeTelegram.TOKEN).startSender();

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.deliveredTexts(5001).size() == 1
                && fixture.deliveredTexts(5002).size() == 1);
    }
}

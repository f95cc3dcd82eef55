package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.text;

import java.time.Duration;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With {@code global-pause-on-429: true} a 429 parks every chat, not only the one that got it. */
class GlobalPauseIT {

    private SenderFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void a429ParksEveryChatWhenConfiguredSo() {
        fixture = new SenderFixture().with("bread-bot.sender.global-pause-on-429", true);
        fixture.startSender();
        fixture.telegram.script("sendMessage", FakeResponse.tooManyRequests(2));
        fixture.send(text(6001, 1, "told to wait"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.telegram.calls("sendMessage").isEmpty());
        ApiCall refused = fixture.telegram.calls("sendMessage").get(0);

        fixture.send(text(6002, 1, "another chat"));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.deliveredTexts(6001).size() == 1
                && fixture.deliveredTexts(6002).size() == 1);
        ApiCall other = fixture.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == 6002).findFirst().orElseThrow();
        assertThat(Duration.between(refused.at(), other.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }
}

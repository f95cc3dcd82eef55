package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.text;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many chats on one partition, with Telegram's own limits (1 msg/s per chat without burst, 20/min per group,
 * 30/s overall): each chat keeps its order and pace, and a chat that waits holds up no other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatIndependenceIT {

    /**
     * Arrival times at the fake carry noise (a new connection, a busy machine) that the sender does not control.
     * A burst would show as gaps near zero and two messages a second as 0.5 s; the noise does not add up over a
     * chat's ten messages, which must span nine seconds.
     */
    private static final Duration JITTER = Duration.ofMillis(200);

    private SenderFixture fixture;

    @BeforeAll
    void startSender() {
        fixture = new SenderFixture()
                .with("bread-bot.sender.limits.chat-messages", 1)
                .with("bread-bot.sender.limits.chat-period", "1s")
                .with("bread-bot.sender.limits.chat-burst", 1)
                .with("bread-bot.sender.limits.group-messages", 20)
                .with("bread-bot.sender.limits.group-period", "1m")
                .with("bread-bot.sender.limits.group-burst", 20)
                .with("bread-bot.sender.limits.global-messages", 30)
                .with("bread-bot.sender.limits.global-burst", 30);
        fixture.startSender();
    }

    @AfterAll
    void stopSender() {
        fixture.close();
    }

    private List<ApiCall> successfulCallsTo(long chatId) {
        return fixture.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chatId && call.succeeded())
                .toList();
    }

    private static ApiCall callWithText(List<ApiCall> calls, String text) {
        return calls.stream().filter(call -> text.equals(call.text())).findFirst().orElseThrow();
    }

    @Test
    void aChatToldToWaitByA429WaitsAloneWhileAnotherChatOnTheSamePartitionGoesOn() {
        long waiting = 2001;
        long other = 2002;
        fixture.telegram.script("sendMessage", FakeResponse.tooManyRequests(2));
        fixture.send(text(waiting, 1, "a1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.telegram.calls("sendMessage").isEmpty());
        ApiCall refused = fixture.telegram.calls("sendMessage").get(0);
        assertThat(refused.status()).isEqualTo(429);

        Instant produced = Instant.now();
        fixture.send(text(waiting, 2, "a2"), text(other, 1, "b1"), text(other, 2, "b2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.deliveredTexts(waiting).size() == 2
                && fixture.deliveredTexts(other).size() == 2);
        assertThat(fixture.deliveredTexts(waiting)).containsExactly("a1", "a2");
        assertThat(fixture.deliveredTexts(other)).containsExactly("b1", "b2");
        ApiCall a1 = callWithText(successfulCallsTo(waiting), "a1");
        ApiCall a2 = callWithText(successfulCallsTo(waiting), "a2");
        ApiCall b1 = callWithText(successfulCallsTo(other), "b1");
        ApiCall b2 = callWithText(successfulCallsTo(other), "b2");
        assertThat(Duration.between(refused.at(), a1.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(a2.at()).isAfter(a1.at());
        assertThat(Duration.between(produced, b1.at())).isLessThan(Duration.ofMillis(1500));
        assertThat(b1.at()).as("the other chat does not wait for the parked one").isBefore(a1.at());
        assertThat(b2.at()).isAfter(b1.at());
        assertThat(fixture.bean(MeterRegistry.class).counter("bread_bot.sender.retry_after").count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void threeHundredRepliesAcrossThirtyChatsKeepEveryChatsOrderAndPace() {
        List<Long> chats = IntStream.rangeClosed(1, 30)
                .mapToObj(n -> n % 3 == 0 ? -3000L - n : 3000L + n)
                .toList();
        List<ReplyCommand> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (long chat : chats) {
                replies.add(text(chat, i, chat + "#" + i));
            }
        }
        fixture.send(replies.toArray(ReplyCommand[]::new));

        await().atMost(Duration.ofSeconds(90)).until(() ->
                chats.stream().allMatch(chat -> fixture.deliveredTexts(chat).size() == 10));
        for (long chat : chats) {
            assertThat(fixture.deliveredTexts(chat)).as("chat %d", chat)
                    .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> chat + "#" + i).toList());
            List<ApiCall> calls = successfulCallsTo(chat);
            for (int i = 1; i < calls.size(); i++) {
                assertThat(Duration.between(calls.get(i - 1).at(), calls.get(i).at()))
                        .as("gap before message %d of chat %d", i, chat)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1).minus(JITTER));
            }
            assertThat(Duration.between(calls.get(0).at(), calls.get(calls.size() - 1).at()))
                    .as("ten messages of chat %d take at least nine seconds", chat)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(9).minus(JITTER));
        }
        assertThat(fixture.telegram.calls("sendMessage").stream()
                .filter(call -> chats.contains(call.chatId())).count()).isEqualTo(300);
    }
}

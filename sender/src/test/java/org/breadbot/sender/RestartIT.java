package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Stopping the consumers or the whole sender in the middle of a stream: nothing sent twice, nothing lost. */
class RestartIT {

    private static final int CHATS = 10;
    private static final int PER_CHAT = 12;

    private SenderFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private List<String> sendStream() {
        // every call takes a while, so that a stop lands in the middle of calls (a stop takes up to ~1.5 s on a
        // loaded 2-core machine; at 150 ms a call the 120 replies of 10 chats need at least 1.8 s)
        FakeResponse[] slow = IntStream.range(0, CHATS * PER_CHAT * 2)
                .mapToObj(i -> FakeResponse.delayed(Duration.ofMillis(150), FakeResponse.ok()))
                .toArray(FakeResponse[]::new);
        fixture.telegram.script("sendMessage", slow);
        List<ReplyCommand> replies = new ArrayList<>();
        for (int i = 0; i < PER_CHAT; i++) {
            for (int chat = 1; chat <= CHATS; chat++) {
                replies.add(text(4000 + chat, i, (4000 + chat) + "#" + i));
            }
        }
        fixture.send(replies.toArray(ReplyCommand[]::new));
        return replies.stream().map(ReplyCommand::text).toList();
    }

    private void awaitSomeCalls() {
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.telegram.calls("sendMessage").size() >= 25);
    }

    private void assertEachSentExactlyOnceInOrder(List<String> texts) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.telegram.calls("sendMessage").stream()
                .filter(ApiCall::succeeded).map(ApiCall::text).distinct().count() == texts.size());
        Map<String, Long> callsPerText = fixture.telegram.calls("sendMessage").stream()
                .collect(Collectors.groupingBy(ApiCall::text, Collectors.counting()));
        assertThat(callsPerText.keySet()).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(callsPerText).allSatisfy((text, count) -> assertThat(count).as(text).isEqualTo(1L));
        for (int chat = 1; chat <= CHATS; chat++) {
            long chatId = 4000 + chat;
            assertThat(fixture.deliveredTexts(chatId)).containsExactlyElementsOf(
                    IntStream.range(0, PER_CHAT).mapToObj(i -> chatId + "#" + i).toList());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixture.database.query("SELECT count(*) AS n FROM delivery_log").get(0).get("n"))
                        .isEqualTo((long) texts.size()));
    }

    @Test
    void restartingTheConsumersMidStreamSendsNothingTwiceAndLosesNothing() {
        fixture = new SenderFixture();
        fixture.startSender();
        List<String> texts = sendStream();
        awaitSomeCalls();

        @SuppressWarnings("unchecked")
        ConcurrentMessageListenerContainer<String, byte[]> consumers =
                fixture.bean(ConcurrentMessageListenerContainer.class);
        consumers.stop();
        assertThat(fixture.telegram.calls("sendMessage")).hasSizeLessThan(texts.size());
        consumers.start();

        assertEachSentExactlyOnceInOrder(texts);
    }

    @Test
    void aSecondSenderJoiningMidStreamTakesOverPartitionsWithoutSendingTwice() {
        fixture = new SenderFixture(3);
        fixture.startSender();
        List<String> texts = sendStream();
        awaitSomeCalls();

        ConfigurableApplicationContext second = fixture.startAnotherSender();
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.getBean(ConcurrentMessageListenerContainer.class)
                .getAssignedPartitions().isEmpty());

        assertEachSentExactlyOnceInOrder(texts);
    }

    @Test
    void restartingTheWholeSenderMidStreamSendsNothingTwiceAndLosesNothing() {
        fixture = new SenderFixture();
        fixture.startSender();
        List<String> texts = sendStream();
        awaitSomeCalls();

        fixture.stopSender();
        assertThat(fixture.telegram.calls("sendMessage")).hasSizeLessThan(texts.size());
        fixture.startSender();

        assertEachSentExactlyOnceInOrder(texts);
    }
}

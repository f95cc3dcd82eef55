package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.text;

import java.time.Duration;
import java.time.Instant;
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

/**
 * A chat that has to wait (a long 429 {@code retry_after}, a backlog far beyond its rate) never stalls the other
 * chats of its partition (issue "no chat can stop another", item 6): its replies are parked, the partition's offset
 * is committed past them, and they are delivered later in their order, each once, also after a restart.
 */
class ParkedChatsIT {

    private SenderFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private SenderFixture startSender(Map<String, Object> settings) {
        fixture = new SenderFixture();
        settings.forEach(fixture::with);
        fixture.startSender();
        return fixture;
    }

    private List<ApiCall> successfulCallsTo(long chat) {
        return fixture.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat && call.succeeded())
                .toList();
    }

    private long parkedRows(long chat) {
        return ((Number) fixture.database.query("SELECT count(*) AS n FROM parked_replies WHERE chat_key = ?",
                Long.toString(chat)).get(0).get("n")).longValue();
    }

    @Test
    void aChatToldToWaitAnHourHoldsUpNoOtherChatWithFiveThousandRepliesQueuedBehindIt() {
        startSender(Map.of());
        long parked = 5001;
        fixture.telegram.scriptFor("sendMessage", parked, FakeResponse.tooManyRequests(3600));
        fixture.send(text(parked, 0, "first"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedRows(parked) == 1);

        List<ReplyCommand> replies = new ArrayList<>();
        List<Long> others = LongRange.of(5100, 5150);
        for (int i = 1; i <= 5000; i++) {
            replies.add(text(parked, i, "parked " + i));
            if (i % 50 == 0) {
                long other = others.get(i / 50 % others.size());
                replies.add(text(other, i, "other " + i));
            }
        }
        Instant start = Instant.now();
        fixture.sendAll(replies);
        Instant sent = Instant.now();

        await().atMost(Duration.ofSeconds(60)).until(() -> others.stream()
                .mapToLong(other -> successfulCallsTo(other).size()).sum() == 100);
        Duration lastOther = Duration.between(sent, others.stream().flatMap(other -> successfulCallsTo(other).stream())
                .map(ApiCall::at).max(Instant::compareTo).orElseThrow());
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.committedOffset() == replies.size() + 1);
        Duration committed = Duration.between(sent, Instant.now());

        System.out.printf("parking: 5,100 records produced in %d ms; the other chats' 100 replies were all delivered"
                + " %d ms after the last was produced, the offset committed past the parked chat's 5,001 after"
                + " %d ms%n", Duration.between(start, sent).toMillis(), lastOther.toMillis(), committed.toMillis());
        assertThat(lastOther).as("other chats wait a few seconds at most").isLessThan(Duration.ofSeconds(5));
        assertThat(parkedRows(parked)).isEqualTo(5001);
        assertThat(fixture.telegram.calls("sendMessage").stream().filter(call -> call.chatId() == parked))
                .as("only the call that got the 429").hasSize(1);
        assertThat(fixture.deadLetters()).isEmpty();
    }

    @Test
    void aParkedChatIsDeliveredInOrderOnceWhenDueAndItsLaterRepliesWaitBehind() {
        startSender(Map.of());
        long parked = 5201;
        long other = 5202;
        fixture.telegram.scriptFor("sendMessage", parked, FakeResponse.tooManyRequests(7));
        fixture.send(text(parked, 0, "p0"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedRows(parked) == 1);
        Instant refused = fixture.telegram.calls("sendMessage").get(0).at();

        List<ReplyCommand> replies = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            replies.add(text(parked, i, "p" + i));
            replies.add(text(other, i, "o" + i));
        }
        fixture.sendAll(replies);

        await().atMost(Duration.ofSeconds(10)).until(() -> successfulCallsTo(other).size() == 50);
        assertThat(successfulCallsTo(parked)).isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> successfulCallsTo(parked).size() == 51);
        assertThat(fixture.deliveredTexts(parked))
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 50).mapToObj(i -> "p" + i).toList());
        assertThat(Duration.between(refused, successfulCallsTo(parked).get(0).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedRows(parked) == 0);

        // and then the chat is no longer parked: its next reply goes out at once
        fixture.send(text(parked, 51, "p51"));
        await().atMost(Duration.ofSeconds(10)).until(() -> successfulCallsTo(parked).size() == 52);
        assertThat(parkedRows(parked)).isZero();
    }

    @Test
    void aRetryAfterBeyondTheMaximumIsAParkForTheMaximumNeverADeadLetter() {
        startSender(Map.of("bread-bot.sender.max-retry-after", "6s"));
        long parked = 5301;
        fixture.telegram.scriptFor("sendMessage", parked, FakeResponse.tooManyRequests(1_000_000_000_000L));
        fixture.send(text(parked, 0, "patient"));

        await().atMost(Duration.ofSeconds(40)).until(() -> successfulCallsTo(parked).size() == 1);
        assertThat(fixture.deadLetters()).isEmpty();
    }

    @Test
    void aGroupFarBeyondTwentyMessagesAMinuteHoldsUpNoOtherChat() {
        startSender(Map.of(
                "bread-bot.sender.limits.group-messages", 20,
                "bread-bot.sender.limits.group-period", "1m",
                "bread-bot.sender.limits.group-burst", 20));
        long group = -5401;
        long other = 5402;
        List<ReplyCommand> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(text(group, i, "g" + i));
        }
        fixture.sendAll(replies);
        await().atMost(Duration.ofSeconds(30)).until(() -> successfulCallsTo(group).size() >= 15);

        Instant asked = Instant.now();
        fixture.send(text(other, 1, "quick"));
        await().atMost(Duration.ofSeconds(10)).until(() -> successfulCallsTo(other).size() == 1);

        assertThat(Duration.between(asked, successfulCallsTo(other).get(0).at())).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.committedOffset() == replies.size() + 1);
        assertThat(successfulCallsTo(group).size()).as("the group goes at its own pace").isLessThan(40);
        assertThat(fixture.deliveredTexts(group)).containsExactlyElementsOf(IntStream.range(0, 200)
                .mapToObj(i -> "g" + i).limit(fixture.deliveredTexts(group).size()).toList());
    }

    @Test
    void parkedRepliesOutliveARestartAndAreDeliveredOnceByTheNextRun() {
        startSender(Map.of());
        long parked = 5501;
        fixture.telegram.scriptFor("sendMessage", parked, FakeResponse.tooManyRequests(8));
        fixture.send(text(parked, 0, "r0"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedRows(parked) == 1);
        fixture.sendAll(IntStream.rangeClosed(1, 20).mapToObj(i -> text(parked, i, "r" + i))
                .collect(Collectors.toList()));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedRows(parked) == 21);

        fixture.stopSender();
        fixture.startSender();

        await().atMost(Duration.ofSeconds(60)).until(() -> successfulCallsTo(parked).size() >= 21);
        assertThat(fixture.deliveredTexts(parked))
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 20).mapToObj(i -> "r" + i).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedRows(parked) == 0);
    }

    /** Chat ids {@code from} (inclusive) to {@code to} (exclusive). */
    private static final class LongRange {
        static List<Long> of(long from, long to) {
            List<Long> ids = new ArrayList<>();
            for (long id = from; id < to; id++) {
                ids.add(id);
            }
            return ids;
        }
    }
}

package org.breadbot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.infra.Sleep;
import org.breadbot.bench.report.Figure;
import org.breadbot.bench.telegram.Delivery;
import org.breadbot.bench.telegram.FakeBotApi;
import org.breadbot.bench.telegram.TelegramLimits;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;

/**
 * Deliveries/s of the sender at its default limits against a fake Bot API enforcing Telegram's, for 1, 100 and
 * 10,000 group chats, and the 429s it got. Reply commands are written straight to {@code telegram.replies}, more
 * than the limits let through in the window, so the sender always has work; each step starts a fresh sender on
 * fresh topics, so no backlog carries over, and delivers one probe reply before the window, so that the window
 * starts with a consumer that has its partitions. The reference is what the fake's limits allow in the window.
 */
final class SenderScenario implements Scenario {

    static final String NAME = "sender";
    private static final int[] CHATS = {1, 100, 10_000};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) {
        Database database = context.infrastructure().newDatabase("sender");
        TelegramLimits limits = TelegramLimits.telegram();
        try (FakeBotApi telegram = FakeBotApi.start(BenchContext.TOKEN, limits)) {
            Map<String, String> env = context.serviceEnv(database, telegram);
            // the sender's delivery log lives in the processor's schema: let a processor apply it once
            context.kafka().reset();
            context.startService("processor", env).stop();
            for (int step = 0; step < CHATS.length; step++) {
                step(context, telegram, limits, env, CHATS[step], step);
            }
        }
        context.results().note("sender: fake limits " + limits + "; window " + context.plan().senderWindow()
                .toSeconds() + " s from the first reply written; the enforced figure is the most the fake's "
                + "token buckets let through in the window, starting full (burst + rate × window).");
    }

    /**
     * Sends one reply to a chat of its own and waits until the fake has it: a sender is ready before its consumer
     * has been assigned its partitions, which takes seconds on a busy box and would otherwise count in the window.
     */
    private static void awaitDelivering(BenchContext context, FakeBotApi telegram, int step) {
        telegram.limit(TelegramLimits.unlimited());
        telegram.clear();
        long chatId = -7_000_000_000L - step;
        long updateId = System.currentTimeMillis() * 1000 + 999_999;
        ReplyCommand probe = ReplyCommand.text(ReplyCommand.idFor(chatId, updateId, 0), chatId, "probe", null,
                updateId, Instant.now());
        Producers.writeAll(context.infrastructure().bootstrapServers(), List.of(new ProducerRecord<>(Topics.REPLIES,
                Long.toString(chatId), Json.mapper().writeValueAsBytes(probe))));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (telegram.deliveredCount() == 0 && System.nanoTime() < deadline) {
            Sleep.millis(50);
        }
    }

    private static void step(BenchContext context, FakeBotApi telegram, TelegramLimits limits,
            Map<String, String> env, int chats, int step) {
        context.kafka().reset();
        try (JvmProcess sender = context.startService("sender", env)) {
            double window = context.plan().senderWindow().toMillis() / 1000.0;
            List<Long> chatIds = new ArrayList<>();
            for (int i = 0; i < chats; i++) {
                chatIds.add(-6_000_000_000L - step * 100_000L - i);
            }
            double capacity = limits.capacity(chatIds, window);
            int replies = Math.max(chats, (int) Math.ceil(capacity * 1.25) + 5);
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(replies);
            long updateBase = System.currentTimeMillis() * 1000;
            for (int i = 0; i < replies; i++) {
                long chatId = chatIds.get(i % chats);
                long updateId = updateBase + i;
                ReplyCommand reply = ReplyCommand.text(ReplyCommand.idFor(chatId, updateId, 0), chatId,
                        "Сделал", null, updateId, Instant.now());
                records.add(new ProducerRecord<>(Topics.REPLIES, Long.toString(chatId),
                        Json.mapper().writeValueAsBytes(reply)));
            }
            awaitDelivering(context, telegram, step);
            telegram.limit(limits);
            telegram.clear();
            long started = System.nanoTime();
            Producers.writeAll(context.infrastructure().bootstrapServers(), records);
            long end = started + Duration.ofMillis((long) (window * 1000)).toNanos();
            Sleep.millis(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            long delivered = telegram.deliveries().stream().map(Delivery::nanos).filter(at -> at <= end).count();
            long tooMany = telegram.rateLimitedCount();
            double perSecond = delivered / window;
            double enforced = capacity / window;
            String what = chats + (chats == 1 ? " chat" : " chats");
            context.results().add(Figure.of(NAME, "deliveries/s, " + what, perSecond, "msg/s")
                    .against("enforced limit", enforced)
                    .target("≥ 95 % of the limit", perSecond >= 0.95 * enforced).charted());
            context.results().add(Figure.of(NAME, "429s received, " + what, tooMany, "responses")
                    .target("0", tooMany == 0));
        }
    }
}

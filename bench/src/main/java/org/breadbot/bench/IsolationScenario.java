package org.breadbot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.load.LoadGenerator;
import org.breadbot.bench.load.LoadResult;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.report.Figure;
import org.breadbot.bench.report.LatencyDistribution;
import org.breadbot.bench.report.Results;
import org.breadbot.bench.telegram.Delivery;
import org.breadbot.bench.telegram.FakeBotApi;
import org.breadbot.bench.telegram.TelegramLimits;
import org.breadbot.bench.workload.ChatPopulation;
import org.breadbot.bench.workload.UpdateKind;
import org.breadbot.bench.workload.UpdateMix;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.Updates;

/**
 * Isolation (issue "no chat can stop another", item 9): the reply latency of 100 ordinary chats posting at a fixed
 * rate, alone and then while one group floods the bot with heavy requests — {@code покажи} over 5,000 stored
 * answers, {@code all} in a group of 1,000 active members, {@code стата} over them, texts of Telegram's whole
 * length matched against the 5,000 keys — in the same run, through ingress, processor and sender as three JVMs.
 * The figure is the ratio of the ordinary chats' p99 with the flood to without it.
 */
final class IsolationScenario implements Scenario {

    static final String NAME = "isolation";
    static final String TITLE = "isolation";
    private static final int ORDINARY_CHATS = 100;
    private static final int ORDINARY_RATE = 50;
    private static final int HEAVY_RATE = 10;
    private static final long HEAVY_CHAT = -4_190_000_001L;
    private static final String HEAVY_TITLE = "Тяжёлая группа";
    private static final AtomicLong HEAVY_IDS = new AtomicLong(System.currentTimeMillis() * 1_000L + 500_000_000L);

    private int heavyMessageId;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        context.kafka().reset();
        Database database = context.infrastructure().newDatabase("isolation");
        Map<String, JvmProcess> services = new LinkedHashMap<>();
        try (FakeBotApi telegram = FakeBotApi.start(BenchContext.TOKEN, TelegramLimits.unlimited())) {
            context.startPipeline(database, telegram, services);
            Workload workload = new Workload(ChatPopulation.of(ORDINARY_CHATS, 1.1), UpdateMix.standard(),
                    context.seed());
            try (LoadGenerator generator = new LoadGenerator(services.get("ingress").baseUrl(), "/telegram/webhook",
                    BenchContext.SECRET, context.connections())) {
                Teaching.teach(generator, workload, telegram);
                prepareHeavyChat(generator, database, telegram);
                // both kinds of request once through every JVM before anything is measured
                phase(context, generator, workload, telegram, true, "warm-up");
                LatencyDistribution alone = phase(context, generator, workload, telegram, false, "alone");
                LatencyDistribution flooded = phase(context, generator, workload, telegram, true, "flooded");
                report(context.results(), alone, flooded);
            }
        } finally {
            services.values().forEach(JvmProcess::stop);
        }
    }

    /** The heavy group: registered by the bot, then 5,000 substrings and 1,000 active members stored directly. */
    private void prepareHeavyChat(LoadGenerator generator, Database database, FakeBotApi telegram) {
        telegram.clear();
        generator.max(UpdateSource.once(List.of(heavy("Хлеб добавь подстроку тяжесть=груз"))), Duration.ZERO,
                Duration.ofMinutes(1), new SendTimes());
        ReplyLatency.settle(telegram, 1, Duration.ofSeconds(20), Duration.ofMinutes(1));
        TestDatabase db = new TestDatabase(database.host(), database.port(), database.name(), database.user(),
                database.password());
        db.update("INSERT INTO answer_entities (pack_id, key, value, reaction_type, content_type, is_active, created_at,"
                + " updated_at) SELECT l.pack_id, 'ключ' || i, 'ответ номер ' || i || ' ' || repeat('хлеб ', 60),"
                + " 'SUBSTRING', 'TEXT', TRUE, now(), now() FROM answer_packs_to_chats l JOIN chats c ON c.id = l.chat_id,"
                + " generate_series(1, 5000) AS i WHERE c.chat_id = ?", HEAVY_CHAT);
        db.update("INSERT INTO members (member_id, username, first_name, last_name, created_at, updated_at)"
                + " SELECT 920000000 + i, 'heavy' || i, 'Участник' || i, '', now(), now()"
                + " FROM generate_series(1, 1000) AS i ON CONFLICT DO NOTHING");
        db.update("INSERT INTO chats_to_members (member_id, chat_id, created_at, updated_at) SELECT m.id, c.id, now(),"
                + " now() FROM members m, chats c WHERE m.member_id > 920000000 AND m.member_id <= 920001000"
                + " AND c.chat_id = ? ON CONFLICT DO NOTHING", HEAVY_CHAT);
        db.update("INSERT INTO member_daily_stats (chat_id, day, member_id, messages, commands) SELECT c.id,"
                + " current_date, m.id, m.member_id - 920000000, 1 FROM members m, chats c WHERE m.member_id > 920000000"
                + " AND m.member_id <= 920001000 AND c.chat_id = ? ON CONFLICT DO NOTHING", HEAVY_CHAT);
        telegram.clear();
    }

    /** The heavy requests the flood cycles through. */
    private List<WorkloadUpdate> heavyRequests(int count) {
        String longText = ("булка " + "хлеба ".repeat(10) + "\n").repeat(62).substring(0, 4096);
        String spaces = "Хлеб выбери чай" + " ".repeat(4000) + "или кофе";
        List<String> texts = List.of("Хлеб покажи подстроки", "Хлеб all", longText, "Хлеб покажи подстроки 40",
                "Хлеб стата", spaces, "Хлеб покажи подстроки ключ12");
        List<WorkloadUpdate> updates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            updates.add(heavy(texts.get(i % texts.size())));
        }
        return updates;
    }

    private WorkloadUpdate heavy(String text) {
        int messageId = ++heavyMessageId;
        long updateId = HEAVY_IDS.incrementAndGet();
        byte[] body = Updates.text(text).id(updateId).messageId(messageId).inGroup(HEAVY_CHAT, HEAVY_TITLE)
                .from(new org.breadbot.common.telegram.User(930_000_000L, false, "Тяжеловес", null, "heavy", "ru"))
                .bytes();
        return new WorkloadUpdate(HEAVY_CHAT, messageId, updateId, UpdateKind.COMMAND, body);
    }

    /** The ordinary chats at their rate, with the heavy chat's flood interleaved or not; their reply latency. */
    private LatencyDistribution phase(BenchContext context, LoadGenerator generator, Workload workload,
            FakeBotApi telegram, boolean flood, String name) {
        telegram.clear();
        Plan plan = context.plan();
        int ordinary = (int) (ORDINARY_RATE * plan.phase().toMillis() / 1000.0 * 1.02) + 10;
        List<WorkloadUpdate> updates = new ArrayList<>();
        List<WorkloadUpdate> heavy = flood ? heavyRequests(ordinary * HEAVY_RATE / ORDINARY_RATE + 1) : List.of();
        int every = ORDINARY_RATE / HEAVY_RATE;
        int nextHeavy = 0;
        for (WorkloadUpdate update : workload.next(ordinary)) {
            updates.add(update);
            if (flood && updates.size() % (every + 1) == every && nextHeavy < heavy.size()) {
                updates.add(heavy.get(nextHeavy++));
            }
        }
        double rate = flood ? ORDINARY_RATE + HEAVY_RATE : ORDINARY_RATE;
        SendTimes times = new SendTimes();
        LoadResult posted = generator.fixedRate(UpdateSource.once(updates), rate, plan.warmUp(), plan.measure(),
                times);
        ReplyLatency.settle(telegram, times.size(), Duration.ofSeconds(10), Duration.ofMinutes(5));
        List<Delivery> ordinaryDeliveries = telegram.deliveries().stream()
                .filter(delivery -> delivery.chatId() != HEAVY_CHAT).toList();
        ReplyLatency.Matched matched = ReplyLatency.match(ordinaryDeliveries, times, posted.measureFromNanos());
        long heavyAnswers = telegram.deliveries().stream().filter(delivery -> delivery.chatId() == HEAVY_CHAT)
                .count();
        LatencyDistribution latency = LatencyDistribution.ofMicros("isolation " + name, matched.latencyMicros());
        if (name.equals("warm-up")) {
            return latency;
        }
        context.results().note(String.format("isolation %s: %d ordinary replies matched, %d heavy requests posted,"
                + " %d messages to the heavy chat; webhook %.0f of %.0f req/s", name, matched.matched(), nextHeavy,
                heavyAnswers, posted.okPerSecond(), rate));
        context.results().add(latency);
        return latency;
    }

    private static void report(Results results, LatencyDistribution alone, LatencyDistribution flooded) {
        double p99Alone = alone.percentiles().get("p99");
        double p99Flooded = flooded.percentiles().get("p99");
        results.add(Figure.of(TITLE, "ordinary chats' p50 while one chat floods heavy requests",
                flooded.percentiles().get("p50"), "ms").against("the same chats alone", alone.percentiles().get("p50")));
        results.add(Figure.of(TITLE, "ordinary chats' p99 while one chat floods heavy requests", p99Flooded, "ms")
                .against("the same chats alone", p99Alone)
                .target("≤ 2× alone", p99Flooded <= 2 * Math.max(p99Alone, 1)).charted());
        results.note("isolation: " + ORDINARY_CHATS + " chats (Zipf 1.1) at " + ORDINARY_RATE + " updates/s, open"
                + " loop, alone and then with one group of 1,000 active members and 5,000 stored answers posting "
                + HEAVY_RATE + " heavy requests/s (покажи, all, стата, 4,096-character texts); latency = webhook post"
                + " → Bot API call of the ordinary chats' answered updates; sender limits raised, fake Bot API"
                + " unlimited, so the figure is the processor's and sender's isolation, not Telegram's pace.");
    }
}

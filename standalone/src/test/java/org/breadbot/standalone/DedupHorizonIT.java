package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/**
 * Retention that cannot re-apply (exactly-once issue, item 4), with retentions shortened to seconds: an update is
 * applied, its id is purged from {@code processed_updates}, and then its record comes again with its original
 * timestamp, as it does when a processor group restarts at the topic's oldest record after an outage longer than
 * the de-duplication retention or after its offsets expired. The record is beyond the horizon and skipped; with the
 * operator's {@code apply-beyond-horizon} (the control) it is applied a second time, which the message counter shows.
 */
class DedupHorizonIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong CHATS = new AtomicLong(-4_700_100);
    private static final Map<String, Object> SHORT_RETENTION = Map.of(
            "bread-bot.processor.dedup.retention", "4s",
            "bread-bot.processor.dedup.clock-skew", "1s",
            "bread-bot.processor.dedup.purge-interval", "1s");

    @Test
    void aRecordThatComesAgainAfterItsIdWasPurgedIsSkippedAndCountedNotAppliedTwice() throws Exception {
        try (RunningBot bot = RunningBot.start(SHORT_RETENTION)) {
            long chat = CHATS.getAndDecrement();
            Replayed replayed = replayAfterThePurge(bot, chat);

            assertThat(messagesCounted(bot, chat)).as("applied once").isEqualTo(2);
            assertThat(replayed.markedAgain()).isZero();
            assertThat(replayed.skipped()).isEqualTo(1);
        }
    }

    @Test
    void theControlWithApplyBeyondHorizonAppliesTheOldRecordAgain() throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(SHORT_RETENTION);
        properties.put("bread-bot.processor.dedup.apply-beyond-horizon", "true");
        try (RunningBot bot = RunningBot.start(properties)) {
            long chat = CHATS.getAndDecrement();
            Replayed replayed = replayAfterThePurge(bot, chat);

            assertThat(messagesCounted(bot, chat)).as("the first update counted twice").isEqualTo(3);
            assertThat(replayed.markedAgain()).isEqualTo(1);
            assertThat(replayed.skipped()).isZero();
        }
    }

    /** How often the replayed record was marked processed again, and how many records were skipped meanwhile. */
    private record Replayed(long markedAgain, double skipped) {
    }

    /**
     * Writes an update, waits for it to be applied and its id purged, writes the same record again with the same
     * timestamp, then a fresh one to the same chat.
     */
    private static Replayed replayAfterThePurge(RunningBot bot, long chat) throws Exception {
        Updates.Builder first = Updates.text("Хлеб выбери раз").inGroup(chat).from(TestUsers.ALICE);
        long written = System.currentTimeMillis();
        produce(chat, first.bytes(), written);
        await().atMost(WAIT).until(() -> sentTo(bot, chat).size() == 1);
        await().atMost(WAIT).until(() -> processedRows(bot, first.id()) == 0);

        double skippedBefore = beyondHorizon(bot);
        produce(chat, first.bytes(), written);
        Updates.Builder marker = Updates.text("Хлеб выбери два").inGroup(chat).from(TestUsers.ALICE);
        produce(chat, marker.bytes(), System.currentTimeMillis());
        await().atMost(WAIT).until(() -> sentTo(bot, chat).stream().anyMatch(call -> "два".equals(call.text())));
        return new Replayed(processedRows(bot, first.id()), beyondHorizon(bot) - skippedBefore);
    }

    private static void produce(long chat, byte[] value, long timestamp) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.UPDATES, null, timestamp, Long.toString(chat), value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ApiCall> sentTo(RunningBot bot, long chat) {
        return bot.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat && call.succeeded())
                .toList();
    }

    private static long processedRows(RunningBot bot, long updateId) {
        return ((Number) bot.database.query("SELECT count(*) AS n FROM processed_updates WHERE update_id = ?",
                updateId).get(0).get("n")).longValue();
    }

    private static long messagesCounted(RunningBot bot, long chat) {
        return ((Number) bot.database.query("SELECT coalesce(sum(s.messages), 0) AS n FROM member_daily_stats s"
                + " JOIN chats c ON c.id = s.chat_id WHERE c.chat_id = ?", chat).get(0).get("n")).longValue();
    }

    private static double beyondHorizon(RunningBot bot) {
        return bot.bot().contexts().get(0).getBean(MeterRegistry.class)
                .counter("bread_bot.processor.updates", "outcome", "beyond-horizon").count();
    }
}

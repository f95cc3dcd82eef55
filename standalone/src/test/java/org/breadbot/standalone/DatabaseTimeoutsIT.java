package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * PostgreSQL's timeouts on every connection of the processor and the sender (issue "no chat can stop another",
 * item 5), through the whole pipeline: a lock another session holds on a chat's rows makes the update wait at most
 * {@code lock-timeout} per attempt, back off and apply once, after the lock is gone; a lock that is never released
 * dead-letters the update after its bounded attempts, and the chats sharing its partition go on.
 */
class DatabaseTimeoutsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;
    private static final AtomicLong CHATS = new AtomicLong(-4_500_100);

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start(Map.of(
                "bread-bot.database.lock-timeout", "500ms",
                "bread-bot.processor.retry.contention-attempts", "4",
                "bread-bot.processor.retry.transient-initial", "200ms"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void everyConnectionOfTheProcessorAndTheSenderHasTheTimeouts() {
        for (int service = 0; service < 2; service++) {
            DatabaseClient db = bot.bot().contexts().get(service).getBean(DatabaseClient.class);
            Map<String, Object> settings = db.sql("SELECT current_setting('statement_timeout') AS statement,"
                            + " current_setting('lock_timeout') AS lock,"
                            + " current_setting('idle_in_transaction_session_timeout') AS idle")
                    .fetch().one().block(Duration.ofSeconds(10));
            assertThat(settings).containsEntry("statement", "5s").containsEntry("lock", "500ms")
                    .containsEntry("idle", "30s");
        }
    }

    @Test
    void anUpdateWaitingForALockBacksOffAndIsAppliedOnceTheLockIsGone() throws Exception {
        long chat = CHATS.getAndDecrement();
        long neighbour = sharingItsPartition(chat);
        answered(chat, "Хлеб выбери первое", "первое");

        double gaveUpBefore = contentionRetries();
        try (Connection holder = lockStatsOf(chat)) {
            assertThat(bot.post(Updates.text("Хлеб выбери второе").inGroup(chat).from(TestUsers.ALICE))).isEqualTo(200);
            assertThat(bot.post(Updates.text("Хлеб выбери сосед").inGroup(neighbour).from(TestUsers.BOB)))
                    .isEqualTo(200);
            // the lock is released only after an attempt gave up on it, however slow the machine is today
            await("an attempt that gave up waiting for the lock").atMost(WAIT)
                    .until(() -> contentionRetries() > gaveUpBefore);
            assertThat(sentTo(chat)).as("held by the lock").hasSize(1);
            holder.rollback();
        }

        await().atMost(WAIT).until(() -> sentTo(chat).size() == 2 && sentTo(neighbour).size() == 1);
        assertThat(sentTo(chat)).extracting(ApiCall::text).containsExactly("первое", "второе");
        assertThat(messagesCounted(chat)).as("applied once").isEqualTo(2);
        assertThat(deadLettersOf(chat)).isEmpty();
    }

    private static double contentionRetries() {
        return bot.bot().contexts().get(0).getBean(MeterRegistry.class)
                .counter("bread_bot.processor.retries", "kind", "contention").count();
    }

    @Test
    void aLockHeldForeverDeadLettersTheUpdateAfterItsAttemptsAndThePartitionGoesOn() throws Exception {
        long chat = CHATS.getAndDecrement();
        long neighbour = sharingItsPartition(chat);
        answered(chat, "Хлеб выбери первое", "первое");

        try (Connection holder = lockStatsOf(chat)) {
            assertThat(bot.post(Updates.text("Хлеб выбери никогда").inGroup(chat).from(TestUsers.ALICE)))
                    .isEqualTo(200);
            assertThat(bot.post(Updates.text("Хлеб выбери сосед").inGroup(neighbour).from(TestUsers.BOB)))
                    .isEqualTo(200);

            await().atMost(WAIT).until(() -> sentTo(neighbour).size() == 1);
            List<ConsumerRecord<String, byte[]>> letters = deadLettersOf(chat);
            assertThat(letters).hasSize(1);
            assertThat(Headers.text(letters.get(0).headers(), Headers.ERROR_KIND)).isEqualTo("contention");
            assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).contains("никогда");
            holder.rollback();
        }

        answered(chat, "Хлеб выбери потом", "потом");
        assertThat(sentTo(chat)).extracting(ApiCall::text).containsExactly("первое", "потом");
    }

    /** Another session locks the chat's message counters, as a paused processor's open transaction would. */
    private static Connection lockStatsOf(long chat) throws SQLException {
        Connection connection = bot.database.connection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT * FROM member_daily_stats WHERE chat_id = (SELECT id FROM chats WHERE chat_id = "
                    + chat + ") FOR UPDATE");
        }
        return connection;
    }

    private static void answered(long chat, String text, String answer) {
        int before = sentTo(chat).size();
        assertThat(bot.post(Updates.text(text).inGroup(chat).from(TestUsers.ALICE))).isEqualTo(200);
        await().atMost(WAIT).until(() -> sentTo(chat).size() > before);
        assertThat(sentTo(chat).get(before).text()).isEqualTo(answer);
    }

    private static List<ApiCall> sentTo(long chat) {
        return bot.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat && call.succeeded())
                .toList();
    }

    private static long messagesCounted(long chat) {
        return ((Number) bot.database.query("SELECT coalesce(sum(s.messages), 0) AS n FROM member_daily_stats s"
                + " JOIN chats c ON c.id = s.chat_id WHERE c.chat_id = ?", chat).get(0).get("n")).longValue();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(long chat) {
        String key = Long.toString(chat);
        return TestKafka.consume(Topics.UPDATES_DLT, 0, Duration.ofSeconds(3)).stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }

    /** A group chat whose updates share {@code chat}'s partition of telegram.updates. */
    private static long sharingItsPartition(long chat) {
        long candidate = CHATS.getAndDecrement();
        while (partitionOf(candidate) != partitionOf(chat)) {
            candidate = CHATS.getAndDecrement();
        }
        return candidate;
    }

    private static int partitionOf(long chat) {
        return Utils.toPositive(Utils.murmur2(Long.toString(chat).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}

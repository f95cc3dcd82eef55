package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breadbot.processor.ProcessorApplication;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Parts of the pipeline going away and coming back: nothing acked is lost, nothing is applied twice. */
class OutageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start(Map.of());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static List<String> textsTo(long chatId) {
        return bot.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chatId && call.succeeded())
                .map(ApiCall::text)
                .toList();
    }

    @Test
    void kafkaDownMeans503AndTheRetriedUpdateIsAnsweredOnceItIsBack() {
        long chat = -2_000_001;
        String update = Updates.text("Хлеб выбери один").inGroup(chat).from(TestUsers.ALICE).json();

        TestKafka.stop();
        int whileDown;
        try {
            whileDown = bot.post(update);
        } finally {
            TestKafka.start();
        }
        assertThat(whileDown).isEqualTo(503);

        // Telegram retries the same update until it gets a 2xx
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> bot.post(update) == 200);

        await().atMost(WAIT).until(() -> textsTo(chat).size() == 1);
        assertThat(textsTo(chat)).containsExactly("один");
    }

    @Test
    void processorRestartedMidStreamLosesNothingAndDoublesNothing() throws InterruptedException {
        long[] chats = {-2_000_011, -2_000_012, -2_000_013, -2_000_014, -2_000_015};
        int perChat = 12;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < perChat; i++) {
            expected.add(Integer.toString(i));
        }

        for (int i = 0; i < perChat; i++) {
            for (long chat : chats) {
                assertThat(bot.post(Updates.text("Хлеб выбери " + i).inGroup(chat).from(TestUsers.BOB)))
                        .isEqualTo(200);
            }
            if (i == perChat / 2) {
                restartProcessor();
            }
        }

        for (long chat : chats) {
            await().atMost(WAIT).until(() -> textsTo(chat).size() >= perChat);
        }
        Thread.sleep(2_000);
        for (long chat : chats) {
            assertThat(textsTo(chat)).as("chat %d", chat).containsExactlyElementsOf(expected);
        }
    }

    private static void restartProcessor() {
        ConfigurableApplicationContext processor = bot.bot().contexts().get(0);
        processor.close();
        ConfigurableApplicationContext restarted = BreadBotStandalone.run(ProcessorApplication.class,
                WebApplicationType.NONE, bot.properties);
        bot.bot().replace(0, restarted);
    }
}

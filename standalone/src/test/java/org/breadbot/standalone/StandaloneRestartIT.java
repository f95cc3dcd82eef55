package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeTelegram;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The standalone bot as a new user runs it: embedded broker and database, data kept across a restart. */
class StandaloneRestartIT {

    private static final String SECRET = "restart_it_secret_0123456789";

    @TempDir
    Path data;

    @Test
    void aTaughtTriggerSurvivesARestart() throws Exception {
        long chat = -3_000_001;
        try (FakeTelegram telegram = FakeTelegram.start()) {
            Map<String, String> env = Map.of(
                    "BREAD_BOT_DATA_DIR", data.toString(),
                    "BREAD_BOT_EMBEDDED_KAFKA_PORT", "0");
            Map<String, Object> properties = Map.of(
                    "TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN,
                    "TELEGRAM_API_BASE_URL", telegram.baseUrl(),
                    // with a token the webhook never opens without a secret
                    "TELEGRAM_WEBHOOK_SECRET", SECRET,
                    "SERVER_PORT", "0");

            try (BreadBotStandalone bot = BreadBotStandalone.start(env, properties)) {
                assertThat(post(bot, Updates.text("Хлеб добавь триггер привет=медвед").inGroup(chat)
                        .from(TestUsers.ALICE))).isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> texts(telegram, chat).size() == 1);
            }

            try (BreadBotStandalone bot = BreadBotStandalone.start(env, properties)) {
                assertThat(post(bot, Updates.text("привет").inGroup(chat).from(TestUsers.BOB))).isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> texts(telegram, chat).contains("медвед"));
            }
            assertThat(texts(telegram, chat).get(0)).isNotEqualTo("медвед");
        }
    }

    private static List<String> texts(FakeTelegram telegram, long chat) {
        return telegram.calls("sendMessage").stream().filter(c -> c.chatId() == chat).map(ApiCall::text).toList();
    }

    private static int post(BreadBotStandalone bot, Updates.Builder update) throws Exception {
        int port = ((WebServerApplicationContext) bot.contexts().get(2)).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update.json()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.junit.jupiter.api.Test;

/** With a bot token the standalone bot talks to Telegram (here the fake) and serves no playground. */
class PlaygroundOffIT {

    @Test
    void withATokenThereIsNoPlaygroundAndRepliesGoToTelegram() throws Exception {
        try (RunningBot bot = RunningBot.start(Map.of())) {
            TelegramApiProperties sender = bot.bot().contexts().get(1).getBean(TelegramApiProperties.class);
            HttpClient http = HttpClient.newHttpClient();

            assertThat(bot.bot().playground()).isEmpty();
            assertThat(sender.baseUrl().toString()).isEqualTo(bot.telegram.baseUrl());
            for (String path : new String[] {"/", "/playground-api/config", "/playground-api/events",
                "/playground/playground.js", "/playground-api/media/pg_sticker_bread"}) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot.port() + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
        }
    }
}

package org.breadbot.processor.bot;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Bot properties for tests that build the bot's parts by hand: the given names, every other setting its default. */
public final class TestBotProperties {

    private TestBotProperties() {
    }

    public static BotProperties of(String name, String alterNames, int messageLenLimit, List<Long> ignoredUsers) {
        return new BotProperties(name, alterNames, messageLenLimit, ignoredUsers, defaults(BotProperties.Quotas.class),
                defaults(BotProperties.Caches.class));
    }

    /** The defaults: {@code "Хлеб"}, {@code "хлебушек,хлеб,bread_bot"}, 4096, nobody ignored. */
    public static BotProperties defaults() {
        return of("Хлеб", "хлебушек,хлеб,bread_bot", 4096, List.of());
    }

    /** A nested settings record as Spring binds it from no properties at all: its {@code @DefaultValue}s. */
    private static <T> T defaults(Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("bread-bot.bot.x", type);
    }
}

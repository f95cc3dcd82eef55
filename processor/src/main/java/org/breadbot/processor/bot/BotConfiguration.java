package org.breadbot.processor.bot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The bot's shared beans. The property file maps the original environment variables ({@code BOT_NAME},
 * {@code ALTER_NAMES}, {@code MESSAGE_LEN_LIMIT}, {@code IGNORED_USERS}) onto {@link BotProperties}; as the
 * lowest-precedence source it yields to application.yml and to {@code BREAD_BOT_BOT_*} variables.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "classpath:bread-bot-bot.properties", encoding = "UTF-8")
class BotConfiguration {

    @Bean
    RandomSource randomSource() {
        return RandomSource.threadLocal();
    }
}

package org.breadbot.processor.bot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot's shared beans. */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

    @Bean
    RandomSource randomSource() {
        return RandomSource.threadLocal();
    }
}

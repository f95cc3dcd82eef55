package org.breadbot.ingress;

import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramApiProperties.class)
class TelegramConfiguration {

    @Bean
    BotApiClient botApiClient(WebClient.Builder webClientBuilder, TelegramApiProperties properties) {
        return new BotApiClient(webClientBuilder, properties);
    }
}

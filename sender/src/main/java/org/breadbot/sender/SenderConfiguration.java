package org.breadbot.sender;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.breadbot.common.database.DatabaseTimeouts;
import org.breadbot.common.health.TimeLimitedHealth;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;

/** The delivery side: Bot API client, rate limits, per-chat lanes, the delivery pipeline and its upkeep. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TelegramApiProperties.class, DatabaseTimeouts.class})
class SenderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SenderConfiguration.class);

    @Bean
    BotApiClient botApiClient(WebClient.Builder webClientBuilder, TelegramApiProperties telegram) {
        if (!telegram.hasToken()) {
            log.warn("TELEGRAM_BOT_TOKEN is not set; replies go to {} without a token", telegram.baseUrl());
        }
        return new BotApiClient(webClientBuilder.clone().filter(TraceparentFilter.filter()), telegram);
    }

    /**
     * Boot's R2DBC check, answering DOWN after 3 s: it waits for a pool connection, and a probe that hangs is worse
     * than one that says DOWN (the name keeps {@code r2dbc} in the readiness group and replaces Boot's own).
     */
    @Bean
    ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connectionFactory) {
        return new TimeLimitedHealth(new ConnectionFactoryHealthIndicator(connectionFactory), Duration.ofSeconds(3));
    }

    /** Every connection of the sender opens with PostgreSQL's statement, lock and idle-transaction timeouts. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseTimeouts(DatabaseTimeouts timeouts) {
        return timeouts.customizer();
    }

    @Bean(destroyMethod = "close")
    RateLimits rateLimits(SenderProperties properties) {
        return RateLimits.create(properties.limits());
    }

    @Bean(destroyMethod = "close")
    ChatLanes chatLanes() {
        return new ChatLanes(Schedulers.parallel());
    }

    @Bean
    DeadLetters deadLetters(DeadLetterPublishingRecoverer deadLetterRecoverer) {
        return new DeadLetters(deadLetterRecoverer);
    }

    @Bean
    ReplyDelivery replyDelivery(BotApiClient botApiClient, RateLimits rateLimits, DeliveryLog deliveryLog,
            DeliveryClaims claims, ChatDeliveryStates chatStates, ChatMigrations migrations, DeadLetters deadLetters,
            FatalStop fatal, SenderMetrics metrics, SenderProperties properties) {
        return new ReplyDelivery(botApiClient, rateLimits, deliveryLog, claims, chatStates, migrations, deadLetters,
                fatal, metrics, properties);
    }

    @Bean
    ReplyIntake replyIntake(ChatLanes chatLanes, ReplyDelivery replyDelivery, DeliveryClaims claims,
            ParkedReplies parkedReplies, SenderProperties properties, SenderMetrics metrics) {
        return new ReplyIntake(chatLanes, replyDelivery, claims, parkedReplies, Schedulers.parallel(), properties,
                metrics);
    }

    @Bean
    DeliveryLogPurge deliveryLogPurge(DeliveryLog deliveryLog, SenderProperties properties) {
        return new DeliveryLogPurge(deliveryLog, properties.deliveryLog());
    }
}

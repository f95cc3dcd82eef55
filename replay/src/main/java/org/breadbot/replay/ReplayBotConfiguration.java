package org.breadbot.replay;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The processor's bot logic and nothing else: every bean of the processor except its Kafka/outbox pipeline and
 * its application class, on R2DBC against the scratch database, with the schema applied by Liquibase. The
 * clock follows the replayed records and randomness is seeded per update; nothing reaches Kafka or Telegram
 * (the pipeline that would publish replies is not here).
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class,
        LiquibaseAutoConfiguration.class})
@ComponentScan(basePackages = "org.breadbot.processor", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.breadbot\\.processor\\.pipeline\\..*"),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.breadbot\\.processor\\.ProcessorApplication")})
@ConfigurationPropertiesScan("org.breadbot.processor")
class ReplayBotConfiguration {

    static final String CLOCK = "replayClock";

    @Bean(CLOCK)
    ReplayClock replayClock() {
        return new ReplayClock();
    }

    @Bean
    @Primary
    ReplayRandom replayRandom(ReplaySettings settings) {
        return new ReplayRandom(settings.seed());
    }

    @Bean
    TransactionalOperator replayTransactions(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    /** What the command line decided, handed to the context. */
    record ReplaySettings(long seed) {
    }
}

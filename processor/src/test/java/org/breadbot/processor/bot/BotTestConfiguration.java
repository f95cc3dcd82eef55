package org.breadbot.processor.bot;

import java.time.Instant;
import org.breadbot.processor.morph.MorphologyProperties;
import org.breadbot.processor.pipeline.UpdateHandler;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Just the bot logic on R2DBC: the bot, command and store packages, the morphology beans, a connection factory, a
 * transaction manager (the pipeline runs {@link UpdateHandler} inside a transaction), a settable clock and a
 * scriptable random source. No Kafka, no pipeline. Deliberately not a {@code @Configuration}: the processor
 * application's component scan would otherwise pick this up in any test that boots the whole processor.
 */
@ImportAutoConfiguration({R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class})
@ComponentScan({"org.breadbot.processor.bot", "org.breadbot.processor.command", "org.breadbot.processor.store"})
// the analyser, the nonsense generator and the морф replies; not SubstringForms, so substring matching keeps the
// identity morphology here unless a test brings its own (MorphologySeamIT)
@ComponentScan(basePackages = "org.breadbot.processor.morph", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.breadbot\\.processor\\.morph\\.MorphologyConfiguration"))
@EnableConfigurationProperties({BotProperties.class, MorphologyProperties.class})
public class BotTestConfiguration {

    /** 2026-03-01T12:00:00Z, a fixed start for every test. */
    public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }

    @Bean
    @Primary
    TestRandom testRandom() {
        return new TestRandom();
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }
}

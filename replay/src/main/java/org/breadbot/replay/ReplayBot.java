package org.breadbot.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.pipeline.UpdateHandler;
import org.breadbot.common.telegram.Update;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The processor's bot logic in this JVM: a small Spring context over the scratch database, fed one update at a
 * time the way the pipeline feeds it (inside a transaction, at the update's time), answering instead of
 * sending.
 */
final class ReplayBot implements AutoCloseable {

    private static final Duration PER_UPDATE = Duration.ofSeconds(60);

    private final ConfigurableApplicationContext context;
    private final UpdateHandler handler;
    private final TransactionalOperator transactions;
    private final ReplayClock clock;
    private final ReplayRandom random;

    private ReplayBot(ConfigurableApplicationContext context) {
        this.context = context;
        this.handler = context.getBean(UpdateHandler.class);
        this.transactions = context.getBean(TransactionalOperator.class);
        this.clock = context.getBean(ReplayClock.class);
        this.random = context.getBean(ReplayRandom.class);
    }

    /** Starts the bot on {@code database}, applying the processor's Liquibase changelog first. */
    static ReplayBot start(ScratchDatabase database, long seed, Map<String, Object> botProperties) {
        Map<String, Object> properties = new HashMap<>(botProperties);
        // the processor's application.yml names the production database and Kafka: not read here
        properties.put("spring.config.name", "bread-bot-replay");
        properties.put("spring.r2dbc.url", database.r2dbcUrl());
        properties.put("spring.r2dbc.username", database.user());
        properties.put("spring.r2dbc.password", database.password());
        // one update at a time: a small pool is plenty
        properties.put("spring.r2dbc.pool.initial-size", 1);
        properties.put("spring.r2dbc.pool.max-size", 4);
        properties.put("spring.liquibase.url", database.jdbcUrl());
        properties.put("spring.liquibase.user", database.user());
        properties.put("spring.liquibase.password", database.password());
        properties.put("spring.liquibase.change-log", "classpath:db/changelog/db.changelog-master.yaml");
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ReplayBotConfiguration.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties(properties)
                    .initializers(applicationContext -> applicationContext.getBeanFactory().registerSingleton(
                            "replaySettings", new ReplayBotConfiguration.ReplaySettings(seed)))
                    .run();
            return new ReplayBot(context);
        } catch (RuntimeException e) {
            throw new ToolException("cannot start the processor's bot logic: " + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /**
     * The bot's answers to one update, as the pipeline would have put them in the outbox, in one transaction
     * at {@code receivedAt}.
     */
    List<Answer> answer(Update update, long chatId, Instant receivedAt) {
        clock.set(receivedAt);
        random.startUpdate(chatId, update.updateId());
        List<Answer> answers = handler.handle(update).as(transactions::transactional).block(PER_UPDATE);
        return answers == null ? List.of() : answers;
    }

    @Override
    public void close() {
        context.close();
    }
}

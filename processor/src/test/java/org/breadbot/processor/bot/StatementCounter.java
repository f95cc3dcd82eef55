package org.breadbot.processor.bot;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Counts the statements the bot sends to PostgreSQL, each one a round trip: the bot tests' {@link DatabaseClient}
 * is rebuilt on the same connection factory with an execute function that counts before it executes.
 */
public final class StatementCounter implements BeanPostProcessor {

    private final AtomicLong executed = new AtomicLong();

    /** Statements executed so far. */
    public long executed() {
        return executed.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DatabaseClient client) {
            return DatabaseClient.builder()
                    .connectionFactory(client.getConnectionFactory())
                    .executeFunction(statement -> {
                        executed.incrementAndGet();
                        return statement.execute();
                    })
                    .build();
        }
        return bean;
    }
}

package org.breadbot.processor.pipeline;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.core.env.Environment;

/**
 * Sizes the R2DBC pool from {@code DB_MAX_POOL}: {@code DB_MAX_POOL} is the connection budget of the whole
 * processor group, shared out per consumer thread, so each instance's pool gets
 * {@code max(1, ceil(DB_MAX_POOL / concurrency))} connections (default 20 / 3 = 7). A consumer thread holds one
 * connection per transaction and the outbox relay and purge one each, one at a time, so a small pool only makes
 * them wait their turn. This overrides {@code spring.r2dbc.pool.max-size}, which is bound before it runs.
 */
final class PoolSizing implements BeanPostProcessor {

    private final Environment environment;

    PoolSizing(Environment environment) {
        this.environment = environment;
    }

    static int maxSize(int dbMaxPool, int concurrency) {
        return Math.max(1, (dbMaxPool + concurrency - 1) / concurrency);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof R2dbcProperties r2dbc) {
            ProcessorProperties processor = Binder.get(environment)
                    .bindOrCreate("bread-bot.processor", ProcessorProperties.class);
            int maxSize = maxSize(processor.dbMaxPool(), processor.concurrency());
            r2dbc.getPool().setMaxSize(maxSize);
            r2dbc.getPool().setInitialSize(Math.min(r2dbc.getPool().getInitialSize(), maxSize));
            r2dbc.getPool().setMinIdle(Math.min(r2dbc.getPool().getMinIdle(), maxSize));
        }
        return bean;
    }
}

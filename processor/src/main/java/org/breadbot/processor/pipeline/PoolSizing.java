package org.breadbot.processor.pipeline;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.core.env.Environment;

/**
 * Sizes the R2DBC pool from {@code DB_MAX_POOL} with the original bot's rule: the budget is divided per worker
 * (here: per consumer thread), {@code max(1, ceil(DB_MAX_POOL / concurrency))} each, and the instance's one shared
 * pool holds the shares of all its threads (default 6 threads × 4 = 24). So every thread can always get a
 * connection, and raising the concurrency never starves it. This overrides {@code spring.r2dbc.pool.max-size},
 * which is bound before it runs.
 */
final class PoolSizing implements BeanPostProcessor {

    private final Environment environment;

    PoolSizing(Environment environment) {
        this.environment = environment;
    }

    static int perThread(int dbMaxPool, int concurrency) {
        return Math.max(1, (dbMaxPool + concurrency - 1) / concurrency);
    }

    static int maxSize(int dbMaxPool, int concurrency) {
        return perThread(dbMaxPool, concurrency) * concurrency;
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

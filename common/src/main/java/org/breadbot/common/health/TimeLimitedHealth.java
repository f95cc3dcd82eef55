package org.breadbot.common.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * A health check that answers within a time limit: DOWN when the wrapped check has not answered by then.
 *
 * <p>Why: an orchestrator's probe gives up after a few seconds and counts that as a failure, and a check that
 * hangs holds the whole health response. Boot's R2DBC check waits for a pool connection for as long as the pool's
 * {@code max-acquire-time} (unbounded by default), and an R2DBC pool can be left waiting after the database went
 * away (r2dbc-pool issues 107, 138, 151), so readiness must not depend on that wait ending.
 */
public final class TimeLimitedHealth implements ReactiveHealthIndicator {

    private final ReactiveHealthIndicator check;
    private final Duration limit;

    public TimeLimitedHealth(ReactiveHealthIndicator check, Duration limit) {
        this.check = check;
        this.limit = limit;
    }

    @Override
    public Mono<Health> health() {
        return check.health().timeout(limit, Mono.fromSupplier(this::noAnswer));
    }

    private Health noAnswer() {
        return Health.down().withDetail("error", "no answer within " + limit.toMillis() + " ms").build();
    }
}

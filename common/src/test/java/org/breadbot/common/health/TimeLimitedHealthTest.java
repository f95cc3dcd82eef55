package org.breadbot.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

class TimeLimitedHealthTest {

    @Test
    void aCheckThatAnswersInTimeIsPassedOn() {
        Health up = Health.up().withDetail("database", "PostgreSQL").build();

        Health health = new TimeLimitedHealth(() -> Mono.just(up), Duration.ofSeconds(1)).health()
                .block(Duration.ofSeconds(10));

        assertThat(health).isEqualTo(up);
    }

    @Test
    void aCheckWithoutAnAnswerIsDownAtTheLimitAndIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        TimeLimitedHealth limited = new TimeLimitedHealth(
                () -> Mono.<Health>never().doOnCancel(() -> cancelled.set(true)), Duration.ofMillis(200));

        Health health = limited.health().block(Duration.ofSeconds(10));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "no answer within 200 ms");
        assertThat(cancelled).isTrue();
    }
}

package org.breadbot.common.database;

import io.r2dbc.spi.Option;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.validation.annotation.Validated;

/**
 * How long PostgreSQL lets one session of the processor or the sender wait ({@code bread-bot.database.*}): every
 * R2DBC connection opens with these as its {@code statement_timeout}, {@code lock_timeout} and
 * {@code idle_in_transaction_session_timeout}. Without them a statement, a lock wait or a transaction left open by a
 * paused process has no end, and whatever waits behind it (a partition, every chat on it) waits as long.
 *
 * @param statementTimeout       longest one statement runs; the processor's update budget is as long, so that the
 *                               database stops the work of an update the processor gave up on
 * @param lockTimeout            longest a statement waits for a row lock another session holds; the processor then
 *                               backs off and tries again (contention), rather than holding its partition
 * @param idleInTransactionTimeout PostgreSQL ends a session whose transaction waits this long for its next
 *                               statement, releasing its locks: what a paused or partitioned processor left behind
 */
@Validated
@ConfigurationProperties("bread-bot.database")
public record DatabaseTimeouts(
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration statementTimeout,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration lockTimeout,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration idleInTransactionTimeout) {

    /** r2dbc-postgresql's option of run-time parameters sent when a connection opens. */
    private static final Option<Map<String, String>> OPTIONS = Option.valueOf("options");

    /** The run-time parameters, in milliseconds (PostgreSQL's unit for all three). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("statement_timeout", Long.toString(statementTimeout.toMillis()));
        parameters.put("lock_timeout", Long.toString(lockTimeout.toMillis()));
        parameters.put("idle_in_transaction_session_timeout", Long.toString(idleInTransactionTimeout.toMillis()));
        return parameters;
    }

    /** Adds the parameters to Spring Boot's R2DBC connection factory (register it as a bean). */
    public ConnectionFactoryOptionsBuilderCustomizer customizer() {
        return builder -> builder.option(OPTIONS, parameters());
    }
}

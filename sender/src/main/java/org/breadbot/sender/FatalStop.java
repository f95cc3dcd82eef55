package org.breadbot.sender;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.breadbot.common.telegram.api.BotApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The one fatal condition: Telegram rejects the bot token (401). Every call would fail the same way, so the sender
 * stops taking records (they stay uncommitted for the next start), raises an alert in the log and reports DOWN as
 * the {@code delivery} health contributor until it is restarted with a good token; {@code bread_bot_sender_fatal_stop}
 * is 1 meanwhile, for an alert.
 */
@Component("deliveryHealthIndicator")
class FatalStop extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(FatalStop.class);

    private final ObjectProvider<MessageListenerContainer> containers;
    private volatile String reason;

    FatalStop(ObjectProvider<MessageListenerContainer> containers, ObjectProvider<MeterRegistry> registry) {
        super("Delivery health check failed");
        this.containers = containers;
        registry.ifAvailable(meters -> Gauge.builder("bread_bot.sender.fatal_stop", this,
                        stop -> stop.isStopped() ? 1 : 0)
                .description("1 after Telegram rejected the bot token: the sender takes no replies until restarted")
                .register(meters));
    }

    void stop(BotApiException error) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = "Telegram rejected the bot token (" + error.errorCode() + " " + error.description() + ")";
        }
        log.error("ALERT: {}. The sender stopped taking replies; they wait in Kafka. "
                + "Set a valid TELEGRAM_BOT_TOKEN and restart the sender.", reason);
        containers.orderedStream().forEach(MessageListenerContainer::pause);
    }

    boolean isStopped() {
        return reason != null;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String stopped = reason;
        if (stopped == null) {
            builder.up();
        } else {
            builder.down().withDetail("reason", stopped);
        }
    }
}

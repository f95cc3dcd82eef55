package org.breadbot.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What ingress reports to Prometheus: {@code bread_bot_ingress_updates_total{source,outcome}} for every update
 * taken or refused, and {@code bread_bot_ingress_produce_seconds{source,outcome}} for the wait on Kafka's ack.
 * Tags hold only fixed words, never request data.
 */
@Component
public class IngressMetrics {

    /** Written to Kafka and acknowledged. */
    public static final String STORED = "stored";
    /** Kafka did not acknowledge in time. */
    public static final String UNAVAILABLE = "unavailable";
    /** Not a JSON object with an integer update_id. */
    public static final String INVALID = "invalid";
    /** Over the body size limit (or over Kafka's record size limit). */
    public static final String TOO_LARGE = "too_large";
    /** Wrong or missing webhook secret. */
    public static final String UNAUTHORIZED = "unauthorized";

    private final MeterRegistry registry;
    // looked up once per (source, outcome): building and registering a meter on every request showed in profiles
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String source, String outcome) {
        counters.computeIfAbsent(source + '/' + outcome, key -> Counter.builder("bread_bot.ingress.updates")
                .description("Updates received by ingress, by how they were received and what became of them")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry))
                .increment();
    }

    public Timer.Sample startProduce() {
        return Timer.start(registry);
    }

    public void produced(Timer.Sample sample, String source, String outcome) {
        sample.stop(timers.computeIfAbsent(source + '/' + outcome, key -> Timer.builder("bread_bot.ingress.produce")
                .description("Time from handing an update to the Kafka producer until it was acknowledged")
                .tag("source", source)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)));
        count(source, outcome);
    }
}

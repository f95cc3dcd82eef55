package org.breadbot.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The W3C trace context ({@code traceparent}) of one hop of an update's way: webhook → ingress → Kafka → processor →
 * outbox → Kafka → sender → Bot API.
 *
 * <p>Spans are recorded only by the OpenTelemetry Java agent where it is attached (docker-compose); bread-bot itself
 * creates none, so nothing is instrumented twice. What the agent cannot follow is bread-bot's own hand-offs: the
 * outbox table (a reply may be published by another thread or instance, minutes later), the sender's per-chat lanes
 * and the header on the record itself. There bread-bot carries the context with this class, so that one update is one
 * trace with the agent, and one trace id in every log line without it.
 *
 * <p>With the agent attached, {@link #current()} is the agent's span and a hop continues it; without, a hop gets a new
 * span id under the same trace id ({@link #child()}), which is enough for logs to tell hops apart.
 */
public final class Trace {

    /** The header name on Kafka records and HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final SpanContext span;

    private Trace(SpanContext span) {
        this.span = span;
    }

    /** A trace of its own: for updates that arrive without one (or with a malformed one). */
    public static Trace start() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId;
        do {
            traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
        } while (!TraceId.isValid(traceId));
        return new Trace(SpanContext.create(traceId, newSpanId(), TraceFlags.getSampled(), TraceState.getDefault()));
    }

    /** The context in a {@code traceparent} value, or empty when it is missing or not valid W3C. */
    public static Optional<Trace> parse(String traceparent) {
        if (traceparent == null || traceparent.isBlank() || traceparent.length() > 256) {
            return Optional.empty();
        }
        Context extracted = W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent.strip()), MAP_GETTER);
        SpanContext span = Span.fromContext(extracted).getSpanContext();
        return span.isValid() ? Optional.of(new Trace(span)) : Optional.empty();
    }

    /** The span the OpenTelemetry agent made current on this thread, when there is one. */
    public static Optional<Trace> current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? Optional.of(new Trace(span)) : Optional.empty();
    }

    /**
     * The context of the hop that takes over from {@code incoming} (a header value, possibly absent): the agent's
     * current span if there is one (it already continues the incoming context), else a child of the incoming
     * context, else a new trace.
     */
    public static Trace continueFrom(String incoming) {
        return current().orElseGet(() -> parse(incoming).map(Trace::child).orElseGet(Trace::start));
    }

    /** A new span id in the same trace, with this one as parent. */
    public Trace child() {
        return new Trace(SpanContext.create(span.getTraceId(), newSpanId(), span.getTraceFlags(),
                span.getTraceState()));
    }

    public String traceId() {
        return span.getTraceId();
    }

    public String spanId() {
        return span.getSpanId();
    }

    /** The {@code traceparent} header value. */
    public String traceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(asContext(), carrier, (map, key, value) -> map.put(key, value));
        return carrier.get(TRACEPARENT);
    }

    /**
     * {@code work}, subscribed with this context current, so that the spans an agent records for it (a Kafka send,
     * an HTTP call) become children of this hop instead of starting traces of their own.
     */
    public <T> Mono<T> around(Mono<T> work) {
        // fromDirect: the work is a Mono already; Mono.from would cancel it after its value
        return Mono.fromDirect(subscriber -> {
            try (Scope scope = asContext().makeCurrent()) {
                work.subscribe(subscriber);
            }
        });
    }

    /** Runs {@code action} with this context current (see {@link #around}). */
    public <T> T call(Supplier<T> action) {
        try (Scope scope = asContext().makeCurrent()) {
            return action.get();
        }
    }

    private Context asContext() {
        return Context.root().with(Span.wrap(span));
    }

    private static String newSpanId() {
        String spanId;
        do {
            spanId = SpanId.fromLong(ThreadLocalRandom.current().nextLong());
        } while (!SpanId.isValid(spanId));
        return spanId;
    }

    @Override
    public boolean equals(Object other) {
        // by value: a parsed context is "remote", a created one is not, which does not matter here
        return other instanceof Trace trace && trace.traceparent().equals(traceparent());
    }

    @Override
    public int hashCode() {
        return traceparent().hashCode();
    }

    @Override
    public String toString() {
        return traceparent();
    }
}

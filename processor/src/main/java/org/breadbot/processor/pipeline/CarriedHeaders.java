package org.breadbot.processor.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.breadbot.common.json.Json;
import org.breadbot.common.tracing.Trace;
import tools.jackson.databind.JsonNode;

/**
 * What an update's replies carry on from it, through the outbox, to their records on {@code telegram.replies}: the
 * trace context of the processor's hop, and when ingress received the update (for the sender's end-to-end latency).
 * Kept as JSON in {@code outbox.headers}, because a reply may be published by the relay long after its update.
 *
 * @param traceparent the W3C trace context, or null
 * @param receivedAt  {@link org.breadbot.common.kafka.Headers#RECEIVED_AT} of the update (epoch ms), or null
 */
record CarriedHeaders(String traceparent, Long receivedAt) {

    static final CarriedHeaders NONE = new CarriedHeaders(null, null);

    /** What a record of {@code telegram.updates} hands on; the trace is the processor's hop. */
    static CarriedHeaders of(Headers headers, Trace hop) {
        return new CarriedHeaders(hop.traceparent(), receivedAt(headers).orElse(null));
    }

    static Optional<Long> receivedAt(Headers headers) {
        return Optional.ofNullable(org.breadbot.common.kafka.Headers.number(headers,
                org.breadbot.common.kafka.Headers.RECEIVED_AT));
    }

    /** The JSON of {@code outbox.headers}, or null when there is nothing to carry. */
    String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (traceparent != null) {
            fields.put(Trace.TRACEPARENT, traceparent);
        }
        if (receivedAt != null) {
            fields.put(org.breadbot.common.kafka.Headers.RECEIVED_AT, receivedAt);
        }
        return fields.isEmpty() ? null : Json.mapper().writeValueAsString(fields);
    }

    /** Reads {@code outbox.headers}; null, malformed or foreign JSON carries nothing. */
    static CarriedHeaders fromJson(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        try {
            JsonNode node = Json.mapper().readTree(json);
            JsonNode trace = node.path(Trace.TRACEPARENT);
            JsonNode received = node.path(org.breadbot.common.kafka.Headers.RECEIVED_AT);
            return new CarriedHeaders(trace.isString() ? trace.asString() : null,
                    received.isIntegralNumber() ? received.asLong() : null);
        } catch (RuntimeException malformed) {
            return NONE;
        }
    }

    /** Adds the carried headers to a record about to be published. */
    void addTo(Headers headers) {
        if (traceparent != null) {
            headers.remove(Trace.TRACEPARENT);
            headers.add(Trace.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        if (receivedAt != null) {
            headers.add(org.breadbot.common.kafka.Headers.RECEIVED_AT,
                    Long.toString(receivedAt).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The trace to publish under, when there is one. */
    Optional<Trace> trace() {
        return Trace.parse(traceparent);
    }
}

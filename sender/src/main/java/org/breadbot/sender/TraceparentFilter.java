package org.breadbot.sender;

import java.util.function.Function;
import org.breadbot.common.tracing.Trace;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Puts the reply's {@code traceparent} on its Bot API request, so the trace of an update reaches the call that
 * answers it. The delivery writes the hop's {@link Trace} into the Reactor context ({@link #with}); requests without
 * one go out unchanged. (With the OpenTelemetry agent attached, its HTTP client span replaces the header with a
 * child of the same trace.)
 */
final class TraceparentFilter {

    private TraceparentFilter() {
    }

    static ExchangeFilterFunction filter() {
        return (request, next) -> Mono.deferContextual(context -> next.exchange(
                context.<Trace>getOrEmpty(Trace.class)
                        .map(trace -> ClientRequest.from(request)
                                .headers(headers -> headers.set(Trace.TRACEPARENT, trace.traceparent()))
                                .build())
                        .orElse(request)));
    }

    /** For {@code contextWrite}: the trace the requests of the work below carry. */
    static Function<Context, Context> with(Trace trace) {
        return context -> context.put(Trace.class, trace);
    }
}

package org.breadbot.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceTest {

    private static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidTraceparentIsReadAndWrittenBackUnchanged() {
        Trace trace = Trace.parse(INCOMING).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.traceparent()).isEqualTo(INCOMING);
    }

    @Test
    void malformedOrHostileValuesAreNoTrace() {
        assertThat(Trace.parse(null)).isEmpty();
        assertThat(Trace.parse("")).isEmpty();
        assertThat(Trace.parse("garbage")).isEmpty();
        assertThat(Trace.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Trace.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(Trace.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" + "x".repeat(10_000)))
                .isEmpty();
        assertThat(Trace.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01")).isEmpty();
    }

    @Test
    void aChildKeepsTheTraceIdAndGetsASpanIdOfItsOwn() {
        Trace parent = Trace.parse(INCOMING).orElseThrow();

        Trace child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId()).hasSize(16);
        assertThat(Trace.parse(child.traceparent())).contains(child);
    }

    @Test
    void withoutAnAgentAHopContinuesTheIncomingTraceOrStartsOne() {
        assertThat(Trace.current()).isEmpty();

        assertThat(Trace.continueFrom(INCOMING).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        Trace started = Trace.continueFrom("not a traceparent");
        assertThat(started.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(Trace.start().traceId()).isNotEqualTo(Trace.start().traceId());
    }

    @Test
    void aTraceIsCurrentWhileItsWorkIsSubscribedAndRun() {
        Trace trace = Trace.start();

        assertThat(trace.call(() -> Trace.current())).contains(trace);
        assertThat(trace.around(reactor.core.publisher.Mono.fromSupplier(Trace::current)).block()).contains(trace);
        assertThat(Trace.current()).isEmpty();
    }
}

package org.breadbot.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.breadbot.common.tracing.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The MDC entries of an update reach the threads its reactive work runs on (what the services switch on). */
class UpdateMdcTest {

    @BeforeAll
    static void automaticPropagation() {
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterAll
    static void noAutomaticPropagation() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void entriesOfTheBlockingThreadFollowTheWorkToOtherThreads() {
        Trace trace = Trace.start();
        try (UpdateMdc.Scope scope = UpdateMdc.put(UpdateMdc.of(42L, -100L, trace))) {
            String seen = Mono.delay(Duration.ofMillis(5))
                    .publishOn(Schedulers.boundedElastic())
                    .map(tick -> MDC.get(UpdateMdc.UPDATE_ID) + "/" + MDC.get(UpdateMdc.CHAT_ID) + "/"
                            + MDC.get(UpdateMdc.TRACE_ID))
                    .block();
            assertThat(seen).isEqualTo("42/-100/" + trace.traceId());
        }
        assertThat(MDC.get(UpdateMdc.UPDATE_ID)).isNull();
    }

    @Test
    void entriesWrittenIntoTheReactorContextAreSetWhereverTheWorkRuns() {
        Map<String, String> entries = UpdateMdc.of(7L, 5L, null);

        String seen = Mono.delay(Duration.ofMillis(5))
                .map(tick -> MDC.get(UpdateMdc.UPDATE_ID) + "/" + MDC.get(UpdateMdc.CHAT_ID))
                .contextWrite(UpdateMdc.into(entries))
                .block();

        assertThat(seen).isEqualTo("7/5");
        assertThat(MDC.get(UpdateMdc.UPDATE_ID)).isNull();
    }
}

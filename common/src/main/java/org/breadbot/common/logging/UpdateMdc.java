package org.breadbot.common.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.breadbot.common.tracing.Trace;
import org.slf4j.MDC;
import reactor.util.context.Context;

/**
 * The MDC entries every log line of an update's handling carries: {@value #UPDATE_ID}, {@value #CHAT_ID},
 * {@value #TRACE_ID} and {@value #SPAN_ID} (the names the OpenTelemetry agent uses for the last two).
 *
 * <p>On a thread that handles one update from start to end (a Kafka listener) they are {@linkplain #put put} in the
 * MDC. Reactive work hops threads, so there they travel in the Reactor context ({@link #into}) and Reactor's
 * automatic context propagation ({@code spring.reactor.context-propagation: auto}, with {@link UpdateMdcAccessor})
 * sets them on whichever thread runs the next operator; {@code block()} takes them from the blocking thread.
 */
public final class UpdateMdc {

    public static final String UPDATE_ID = "update_id";
    public static final String CHAT_ID = "chat_id";
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    static final String[] KEYS = {UPDATE_ID, CHAT_ID, TRACE_ID, SPAN_ID};

    private UpdateMdc() {
    }

    /** The entries of one update's handling; null arguments are left out. */
    public static Map<String, String> of(Long updateId, Long chatId, Trace trace) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (updateId != null) {
            entries.put(UPDATE_ID, Long.toString(updateId));
        }
        if (chatId != null) {
            entries.put(CHAT_ID, Long.toString(chatId));
        }
        if (trace != null) {
            entries.put(TRACE_ID, trace.traceId());
            entries.put(SPAN_ID, trace.spanId());
        }
        return entries;
    }

    /** Puts the entries in this thread's MDC until the returned scope is closed, which removes all four keys. */
    public static Scope put(Map<String, String> entries) {
        entries.forEach(MDC::put);
        return UpdateMdc::clear;
    }

    /** Removes all four keys from this thread's MDC. */
    public static void clear() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }

    /** For {@code contextWrite}: the entries as the Reactor context value that automatic propagation restores. */
    public static Function<Context, Context> into(Map<String, String> entries) {
        return context -> context.put(UpdateMdcAccessor.KEY, Map.copyOf(entries));
    }

    /** An MDC scope that cannot fail to close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

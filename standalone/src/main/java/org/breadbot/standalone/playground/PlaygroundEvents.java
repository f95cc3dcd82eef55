package org.breadbot.standalone.playground;

import java.time.Duration;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * What the page is told, as server-sent events: the bot's messages ({@value #MESSAGE}) and the pipeline trail
 * ({@value #TRAIL}). The latest of each are replayed to a page that connects later (it de-duplicates); a page that
 * reads too slowly loses the oldest events rather than holding memory.
 */
final class PlaygroundEvents {

    static final String MESSAGE = "message";
    static final String TRAIL = "trail";
    static final int REPLAYED_MESSAGES = 200;
    static final int REPLAYED_TRAIL = 100;
    private static final int SUBSCRIBER_BUFFER = 512;

    /** One event: its SSE name and its JSON data. */
    record Event(String name, JsonNode data) {
    }

    private final Sinks.Many<Event> messages = Sinks.many().replay().limit(REPLAYED_MESSAGES);
    private final Sinks.Many<Event> trail = Sinks.many().replay().limit(REPLAYED_TRAIL);

    void message(JsonNode message) {
        emit(messages, new Event(MESSAGE, message));
    }

    void trail(JsonNode entry) {
        emit(trail, new Event(TRAIL, entry));
    }

    /** Every event from the replayed ones on, until {@link #close()}. */
    Flux<Event> stream() {
        return Flux.merge(messages.asFlux(), trail.asFlux())
                .onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST);
    }

    void close() {
        messages.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        trail.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** Emitters are the emulator's event loop and the trail's consumer thread; the sink wants one at a time. */
    private static void emit(Sinks.Many<Event> sink, Event event) {
        sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }
}

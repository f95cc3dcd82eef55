package org.breadbot.processor.integration;

import org.breadbot.common.json.Json;
import org.jsoup.parser.Parser;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A random piece of advice (spec §8.2): {@code GET /api/random} answering {@code {"id": …, "text": …}}. The text
 * may hold HTML entities ({@code &nbsp;}), which are decoded.
 */
final class AdviceProvider {

    private final ResilientHttp http;

    AdviceProvider(ResilientHttp http) {
        this.http = http;
    }

    Mono<Fetched<String>> random() {
        return http.call(client -> client.get()
                        .uri("/api/random")
                        .accept(MediaType.APPLICATION_JSON),
                AdviceProvider::parse);
    }

    static String parse(String body) {
        JsonNode text = Json.mapper().readTree(body).path("text");
        if (!text.isString()) {
            throw new GarbageException("no text");
        }
        String advice = Parser.unescapeEntities(text.asString(), false).replace('\u00a0', ' ').strip();
        if (advice.isEmpty()) {
            throw new GarbageException("empty advice");
        }
        return advice;
    }
}

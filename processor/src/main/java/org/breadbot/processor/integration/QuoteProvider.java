package org.breadbot.processor.integration;

import org.breadbot.common.json.Json;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A random Russian quote from a forismatic-style API (spec §8.2): {@code GET /api/1.0/?method=getQuote&key=0&
 * format=json&lang=ru}, answering {@code {"quoteText": …, "quoteAuthor": …}}.
 */
final class QuoteProvider {

    /** Missing author, as the original showed it. */
    static final String UNKNOWN_AUTHOR = "Unknown";

    /** forismatic is known to escape apostrophes as {@code \'}, which strict JSON refuses. */
    private static final JsonMapper LENIENT = Json.newMapper().rebuild()
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private final ResilientHttp http;

    QuoteProvider(ResilientHttp http) {
        this.http = http;
    }

    Mono<Fetched<Quote>> random() {
        return http.call(client -> client.get()
                        .uri(uri -> uri.path("/api/1.0/")
                                .queryParam("method", "getQuote")
                                .queryParam("key", "0")
                                .queryParam("format", "json")
                                .queryParam("lang", "ru")
                                .build())
                        .accept(MediaType.APPLICATION_JSON),
                QuoteProvider::parse);
    }

    static Quote parse(String body) {
        JsonNode root = LENIENT.readTree(body);
        JsonNode text = root.path("quoteText");
        if (!text.isString() || text.asString().isBlank()) {
            throw new GarbageException("no quoteText");
        }
        JsonNode author = root.path("quoteAuthor");
        return new Quote(text.asString().strip(), author.isString() ? author.asString().strip() : UNKNOWN_AUTHOR);
    }
}

package org.breadbot.processor.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.breadbot.common.json.Json;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible API (spec §8.4): chat completions for THINK and FREE_PROMPT, image generation for IMAGINE.
 * Without a key it is not configured and answers {@link Fetched.Unavailable} without calling anything.
 */
final class OpenAiClient {

    private final ResilientHttp http;
    private final IntegrationsProperties.OpenAi settings;
    private final IntUnaryOperator choose;

    /** {@code choose} picks a uniform index in [0, bound) among the returned choices. */
    OpenAiClient(ResilientHttp http, IntegrationsProperties.OpenAi settings, IntUnaryOperator choose) {
        this.http = http;
        this.settings = settings;
        this.choose = choose;
    }

    /** One chat message of a completion request. */
    record ChatMessage(String role, String content) {

        static ChatMessage system(String content) {
            return new ChatMessage("system", content);
        }

        static ChatMessage user(String content) {
            return new ChatMessage("user", content);
        }
    }

    /** The content of a uniformly random returned choice. */
    Mono<Fetched<String>> complete(List<ChatMessage> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("messages", messages);
        return http.call(client -> post(client, "/v1/chat/completions", body), this::pickContent);
    }

    /** The URL of a uniformly random drawn picture. */
    Mono<Fetched<String>> imagine(String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        body.put("n", 1);
        body.put("size", settings.imageSize());
        return http.call(client -> post(client, "/v1/images/generations", body), this::pickUrl);
    }

    private WebClient.RequestHeadersSpec<?> post(WebClient client, String path, Map<String, Object> body) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.setBearerAuth(settings.key().strip());
                    if (settings.organization() != null && !settings.organization().isBlank()) {
                        headers.set("OpenAI-Organization", settings.organization().strip());
                    }
                })
                .bodyValue(Json.mapper().writeValueAsString(body));
    }

    private String pickContent(String body) {
        List<String> contents = new ArrayList<>();
        for (JsonNode choice : Json.mapper().readTree(body).path("choices")) {
            JsonNode content = choice.path("message").path("content");
            if (content.isString() && !content.asString().isBlank()) {
                contents.add(content.asString().strip());
            }
        }
        return pick(contents, "no choice with content");
    }

    private String pickUrl(String body) {
        List<String> urls = new ArrayList<>();
        for (JsonNode image : Json.mapper().readTree(body).path("data")) {
            JsonNode url = image.path("url");
            if (url.isString() && (url.asString().startsWith("https://") || url.asString().startsWith("http://"))) {
                urls.add(url.asString());
            }
        }
        return pick(urls, "no image URL");
    }

    private String pick(List<String> items, String missing) {
        if (items.isEmpty()) {
            throw new GarbageException(missing);
        }
        return items.get(choose.applyAsInt(items.size()));
    }
}

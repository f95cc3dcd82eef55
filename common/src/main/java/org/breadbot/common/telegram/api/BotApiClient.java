package org.breadbot.common.telegram.api;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.ChatMember;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.ResponseParameters;
import org.breadbot.common.telegram.User;
import org.breadbot.common.telegram.WebhookInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reactive client of the Telegram Bot API that speaks its exact envelope and turns every failure into a typed
 * {@link BotApiException}. The token lives only in the request URI built here; nothing it throws or logs holds it.
 */
public class BotApiClient {

    /** Enough for 100 updates of getUpdates with room to spare; bigger answers are garbage. */
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final WebClient webClient;
    private final TelegramApiProperties properties;
    private final JsonMapper mapper = Json.mapper();

    public BotApiClient(WebClient.Builder builder, TelegramApiProperties properties) {
        this.properties = properties;
        this.webClient = builder.clone()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .build();
    }

    /** Delivers one reply with the method it names, as a reply to its message when it has one. */
    public Mono<Message> send(ReplyCommand reply) {
        return call(reply.method().apiName(), paramsOf(reply), Message.class);
    }

    /** getUpdates; each update is returned as parsed JSON so that fields this code does not know survive. */
    public Mono<List<JsonNode>> getUpdates(long offset, int limit, Duration pollTimeout, List<String> allowed) {
        return getRawUpdates(offset, limit, pollTimeout, allowed)
                .map(updates -> updates.stream().map(RawUpdate::tree).toList());
    }

    /**
     * getUpdates, each update with its exact bytes as they stand in Telegram's answer (whitespace, escapes and
     * fields this code does not know included), so that what is stored is what Telegram sent.
     */
    public Mono<List<RawUpdate>> getRawUpdates(long offset, int limit, Duration pollTimeout, List<String> allowed) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("offset", offset);
        params.put("limit", limit);
        params.put("timeout", pollTimeout.toSeconds());
        if (allowed != null) {
            params.put("allowed_updates", allowed);
        }
        JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, JsonNode.class);
        return exchange("getUpdates", params, pollTimeout.plus(properties.requestTimeout()),
                (status, headers, body) -> RawUpdate.split(mapper,
                        BotApiClient.<List<JsonNode>>decode(mapper, "getUpdates", status, headers, body, type), body));
    }

    /** setWebhook with a secret token and the update kinds to receive. */
    public Mono<Boolean> setWebhook(String url, String secretToken, List<String> allowedUpdates,
            boolean dropPendingUpdates) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url);
        if (secretToken != null && !secretToken.isEmpty()) {
            params.put("secret_token", secretToken);
        }
        if (allowedUpdates != null) {
            params.put("allowed_updates", allowedUpdates);
        }
        params.put("drop_pending_updates", dropPendingUpdates);
        return call("setWebhook", params, Boolean.class);
    }

    public Mono<Boolean> deleteWebhook(boolean dropPendingUpdates) {
        return call("deleteWebhook", Map.of("drop_pending_updates", dropPendingUpdates), Boolean.class);
    }

    public Mono<WebhookInfo> getWebhookInfo() {
        return call("getWebhookInfo", Map.of(), WebhookInfo.class);
    }

    public Mono<User> getMe() {
        return call("getMe", Map.of(), User.class);
    }

    public Mono<List<ChatMember>> getChatAdministrators(long chatId) {
        JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, ChatMember.class);
        return call("getChatAdministrators", Map.of("chat_id", chatId), type, properties.requestTimeout());
    }

    /** Any method, with its parameters as JSON and its {@code result} bound to {@code resultType}. */
    public <T> Mono<T> call(String method, Map<String, ?> params, Class<T> resultType) {
        return call(method, params, mapper.constructType(resultType), properties.requestTimeout());
    }

    private <T> Mono<T> call(String method, Map<String, ?> params, JavaType resultType, Duration timeout) {
        return exchange(method, params, timeout,
                (status, headers, bytes) -> BotApiClient.<T>decode(mapper, method, status, headers, bytes, resultType));
    }

    /** How an answer's status, headers and body become the call's result (or its BotApiException). */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(int status, HttpHeaders headers, byte[] body);
    }

    private <T> Mono<T> exchange(String method, Map<String, ?> params, Duration timeout, AnswerReader<T> reader) {
        byte[] body = mapper.writeValueAsBytes(params);
        return webClient.post()
                .uri(uriOf(method))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> reader.read(response.statusCode().value(), response.headers().asHttpHeaders(),
                                bytes)))
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof BotApiException), error -> new BotApiException.Timeout(
                        method, error instanceof TimeoutException ? null : error));
    }

    private URI uriOf(String method) {
        String base = properties.baseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/bot" + properties.botToken() + "/" + method);
    }

    private static Map<String, Object> paramsOf(ReplyCommand reply) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chat_id", reply.chatId());
        if (reply.messageThreadId() != null) {
            params.put("message_thread_id", reply.messageThreadId());
        }
        params.put(reply.method().contentParameter(),
                reply.method() == ReplyMethod.SEND_MESSAGE ? reply.text() : reply.fileId());
        if (reply.caption() != null && reply.method().takesCaption()) {
            params.put("caption", reply.caption());
        }
        // one name for the text's and the caption's mode; stickers and video notes have neither, nor entities
        boolean formattable = reply.method().takesCaption() ? reply.caption() != null
                : reply.method() == ReplyMethod.SEND_MESSAGE;
        if (reply.parseMode() != null && formattable) {
            params.put("parse_mode", reply.parseMode());
        }
        if (reply.entities() != null && !reply.entities().isEmpty() && formattable) {
            params.put(reply.method().takesCaption() ? "caption_entities" : "entities", reply.entities());
        }
        if (reply.replyToMessageId() != null) {
            params.put("reply_parameters", Map.of(
                    "message_id", reply.replyToMessageId(),
                    "allow_sending_without_reply", true));
        }
        return params;
    }

    /** Reads Telegram's envelope; the HTTP status decides only when the body is not an envelope. */
    static <T> T decode(JsonMapper mapper, String method, int status, HttpHeaders headers, byte[] body,
            JavaType resultType) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(body);
        } catch (RuntimeException notJson) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("ok")) {
            throw errorFor(method, status, "unexpected answer (HTTP " + status + ", " + body.length + " bytes)",
                    null, headers);
        }
        if (envelope.path("ok").asBoolean(false)) {
            try {
                return mapper.treeToValue(envelope.path("result"), resultType);
            } catch (RuntimeException garbled) {
                throw new BotApiException.ServerError(method, status, "unreadable result: "
                        + garbled.getClass().getSimpleName());
            }
        }
        int code = envelope.path("error_code").asInt(status);
        String description = envelope.path("description").asString("");
        ResponseParameters parameters = null;
        if (envelope.hasNonNull("parameters")) {
            try {
                parameters = mapper.treeToValue(envelope.get("parameters"), ResponseParameters.class);
            } catch (RuntimeException ignored) {
                parameters = null;
            }
        }
        throw errorFor(method, code, description, parameters, headers);
    }

    private static BotApiException errorFor(String method, int code, String description,
            ResponseParameters parameters, HttpHeaders headers) {
        if (parameters != null && parameters.migrateToChatId() != null) {
            return new BotApiException.MigratedChat(method, description, parameters.migrateToChatId());
        }
        if (code == 429) {
            return new BotApiException.RetryAfter(method, description, retryAfter(parameters, headers));
        }
        if (code == 401) {
            return new BotApiException.Unauthorized(method, description);
        }
        if (code == 403) {
            return new BotApiException.Forbidden(method, description);
        }
        if (code == 409) {
            return new BotApiException.Conflict(method, description);
        }
        if (code >= 500 || code < 400) {
            return new BotApiException.ServerError(method, code, description);
        }
        return new BotApiException.BadRequest(method, code, description);
    }

    private static Duration retryAfter(ResponseParameters parameters, HttpHeaders headers) {
        if (parameters != null && parameters.retryAfter() != null) {
            return Duration.ofSeconds(Math.max(0, parameters.retryAfter()));
        }
        String header = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return Duration.ofSeconds(1);
    }

    @Override
    public String toString() {
        return "BotApiClient[" + properties + "]";
    }
}

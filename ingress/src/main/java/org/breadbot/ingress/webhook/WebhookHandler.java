package org.breadbot.ingress.webhook;

import java.util.Map;
import java.util.concurrent.Executor;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.logging.UpdateMdc;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.tracing.Trace;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.breadbot.ingress.kafka.UpdateProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * {@code POST /telegram/webhook} (architecture §5): secret first, then size, then parse; 200 only once Kafka holds
 * the update, 503 when it does not, so Telegram redelivers. Bad input gets 4xx, never 5xx.
 */
@Component
class WebhookHandler {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] ACCEPTED = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final SecretCheck secretCheck;
    private final UpdateProducer producer;
    private final IngressMetrics metrics;
    private final int maxBodyBytes;
    private final String retryAfterSeconds;

    WebhookHandler(IngressProperties properties, UpdateProducer producer, IngressMetrics metrics) {
        IngressProperties.Webhook webhook = properties.webhook();
        this.secretCheck = SecretCheck.of(webhook);
        this.producer = producer;
        this.metrics = metrics;
        this.maxBodyBytes = Math.toIntExact(webhook.maxBodySize().toBytes());
        this.retryAfterSeconds = Long.toString(Math.max(1, webhook.retryAfter().toSeconds()));
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        if (!secretCheck.accepts(request.headers().firstHeader(SECRET_HEADER))) {
            log.debug("Webhook request refused: secret header missing or wrong");
            return refuse(HttpStatus.UNAUTHORIZED, IngressMetrics.UNAUTHORIZED, "unauthorized");
        }
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            return tooLarge();
        }
        // the agent's server span when one is attached, else the caller's traceparent continued, else a new trace
        Trace hop = Trace.continueFrom(request.headers().firstHeader(Trace.TRACEPARENT));
        Executor resumeOn = eventLoopOf(request);
        return body(request)
                .flatMap(body -> store(body, hop, resumeOn))
                .onErrorResume(DataBufferLimitException.class, overLimit -> tooLarge());
    }

    /** Reads at most the limit: a longer body fails as soon as it passes it, whatever Content-Length said. */
    private Mono<byte[]> body(ServerRequest request) {
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), maxBodyBytes)
                .map(WebhookHandler::bytesOf)
                .defaultIfEmpty(EMPTY);
    }

    /**
     * The connection's Netty event loop: the response is written there after Kafka's ack without one more hop
     * (Reactor's parallel scheduler where the server is not Reactor Netty).
     */
    private static Executor eventLoopOf(ServerRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        if (nativeRequest instanceof Connection connection) {
            return connection.channel().eventLoop();
        }
        return task -> Schedulers.parallel().schedule(task);
    }

    private Mono<ServerResponse> store(byte[] body, Trace hop, Executor resumeOn) {
        UpdateParser.Parsed parsed = UpdateParser.parse(body);
        if (!parsed.isValid()) {
            log.debug("Webhook request refused: {}", parsed.problem());
            return refuse(HttpStatus.BAD_REQUEST, IngressMetrics.INVALID, parsed.problem());
        }
        UpdateEnvelope envelope = parsed.envelope();
        return producer.produce(envelope, body, Headers.SOURCE_WEBHOOK, hop, resumeOn)
                .then(accepted())
                .onErrorResume(error -> notStored(envelope, hop, error));
    }

    /**
     * The update's MDC entries are put around these log lines by hand: ingress runs without Reactor's automatic
     * context propagation (its thread-local restoring on every signal was a quarter of ingress's CPU under load),
     * and these are the only lines logged while an update is handled.
     */
    private Mono<ServerResponse> notStored(UpdateEnvelope envelope, Trace hop, Throwable error) {
        try (UpdateMdc.Scope mdc = UpdateMdc.put(UpdateMdc.of(envelope.updateId(), envelope.key(), hop))) {
            if (UpdateProducer.isPermanent(error)) {
                log.warn("Update {} is larger than Kafka accepts; refused with 413", envelope.updateId());
                return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(errorBody("update too large to store"));
            }
            log.warn("Update {} not stored, answering 503 so Telegram redelivers: {}",
                    envelope.updateId(), error.toString());
        }
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(errorBody("storage unavailable"));
    }

    private Mono<ServerResponse> accepted() {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(ACCEPTED);
    }

    private Mono<ServerResponse> tooLarge() {
        log.debug("Webhook request refused: body over {} bytes", maxBodyBytes);
        return refuse(HttpStatus.PAYLOAD_TOO_LARGE, IngressMetrics.TOO_LARGE, "body larger than "
                + maxBodyBytes + " bytes");
    }

    private Mono<ServerResponse> refuse(HttpStatus status, String outcome, String problem) {
        metrics.count(Headers.SOURCE_WEBHOOK, outcome);
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(errorBody(problem));
    }

    private static byte[] errorBody(String problem) {
        return Json.mapper().writeValueAsBytes(Map.of("error", problem));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}

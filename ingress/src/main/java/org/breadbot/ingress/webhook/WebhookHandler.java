package org.breadbot.ingress.webhook;

import java.util.Map;
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
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

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
        return body(request)
                .flatMap(body -> store(body, hop))
                .onErrorResume(DataBufferLimitException.class, overLimit -> tooLarge());
    }

    /** Reads at most the limit: a longer body fails as soon as it passes it, whatever Content-Length said. */
    private Mono<byte[]> body(ServerRequest request) {
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), maxBodyBytes)
                .map(WebhookHandler::bytesOf)
                .defaultIfEmpty(EMPTY);
    }

    private Mono<ServerResponse> store(byte[] body, Trace hop) {
        UpdateParser.Parsed parsed = UpdateParser.parse(body);
        if (!parsed.isValid()) {
            log.debug("Webhook request refused: {}", parsed.problem());
            return refuse(HttpStatus.BAD_REQUEST, IngressMetrics.INVALID, parsed.problem());
        }
        UpdateEnvelope envelope = parsed.envelope();
        return producer.produce(envelope, body, Headers.SOURCE_WEBHOOK, hop)
                .then(accepted())
                .onErrorResume(error -> notStored(parsed, error))
                .contextWrite(UpdateMdc.into(UpdateMdc.of(envelope.updateId(), envelope.key(), hop)));
    }

    private Mono<ServerResponse> notStored(UpdateParser.Parsed parsed, Throwable error) {
        if (UpdateProducer.isPermanent(error)) {
            log.warn("Update {} is larger than Kafka accepts; refused with 413", parsed.envelope().updateId());
            return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(errorBody("update too large to store"));
        }
        log.warn("Update {} not stored, answering 503 so Telegram redelivers: {}",
                parsed.envelope().updateId(), error.toString());
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

package org.breadbot.processor.integration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One outside service behind a timeout per attempt, retries with exponential back-off for failures that may pass
 * (connection errors, timeouts, 5xx, 408, 429), and a circuit breaker that, once the service keeps failing, answers
 * "unavailable" at once for a while instead of making every user wait for the timeout. Every outcome is a
 * {@link Fetched} value: callers never see an exception.
 */
final class ResilientHttp {

    private static final Logger log = LoggerFactory.getLogger(ResilientHttp.class);

    private final String name;
    private final WebClient client;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final CircuitBreaker breaker;

    /** {@code client} null means the service is not configured. */
    ResilientHttp(String name, WebClient client, Duration timeout, int retries, Duration backoff,
            CircuitBreaker breaker) {
        this.name = name;
        this.client = client;
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
        this.breaker = breaker;
    }

    /**
     * Makes the request and parses a 2xx body with {@code parse}, which throws (anything) when the body is not
     * usable.
     */
    <T> Mono<Fetched<T>> call(Function<WebClient, WebClient.RequestHeadersSpec<?>> request, Function<String, T> parse) {
        if (client == null) {
            return Mono.just(new Fetched.Unavailable<>(name + " is not configured"));
        }
        return Mono.defer(() -> attempt(request, parse))
                .retryWhen(Retry.backoff(retries, backoff)
                        .filter(ResilientHttp::worthRetrying)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .<Fetched<T>>map(Fetched.Success::new)
                .onErrorResume(error -> failedInMdc(error));
    }

    /** In a handle operator, which puts the update's MDC entries on this thread for the warning it logs. */
    private <T> Mono<Fetched<T>> failedInMdc(Throwable error) {
        return Mono.just(error).<Fetched<T>>handle((failure, sink) -> sink.next(failed(failure)));
    }

    private <T> Mono<T> attempt(Function<WebClient, WebClient.RequestHeadersSpec<?>> request,
            Function<String, T> parse) {
        return request.apply(client)
                .exchangeToMono(ResilientHttp::body)
                .timeout(timeout)
                .map(body -> parsed(body, parse))
                .transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    private static Mono<String> body(ClientResponse response) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).defaultIfEmpty("");
        }
        return response.releaseBody().then(Mono.error(new HttpStatusException(response.statusCode().value())));
    }

    private static <T> T parsed(String body, Function<String, T> parse) {
        try {
            return parse.apply(body);
        } catch (GarbageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GarbageException("unreadable answer: " + e.getClass().getSimpleName());
        }
    }

    private static boolean worthRetrying(Throwable error) {
        return error instanceof TimeoutException
                || error instanceof WebClientRequestException
                || error instanceof HttpStatusException status && status.isTransient();
    }

    private <T> Fetched<T> failed(Throwable error) {
        String reason = reason(error);
        if (isGarbage(error)) {
            log.warn("{} answered garbage: {}", name, reason);
            return new Fetched.Garbage<>(reason);
        }
        log.warn("{} is unavailable: {}", name, reason);
        return new Fetched.Unavailable<>(reason);
    }

    private static boolean isGarbage(Throwable error) {
        return error instanceof GarbageException || error instanceof DataBufferLimitException
                || error instanceof DecodingException;
    }

    private String reason(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer within " + timeout;
        }
        if (error instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (error instanceof DataBufferLimitException) {
            return "answer too large";
        }
        return Secrets.mask(error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}

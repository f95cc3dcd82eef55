package org.breadbot.standalone.playground;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The playground serves this machine only: its page, its API, its event stream (every conversation) and the webhook
 * it posts to answer 403 to any other client, even when the server listens on every interface. The page's
 * webhook posts carry no secret (the page is never given one); they get the configured one here, on the way in.
 */
final class LoopbackOnly implements WebFilter, Ordered {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final String webhookSecret;

    LoopbackOnly(String webhookSecret) {
        this.webhookSecret = webhookSecret == null || webhookSecret.isEmpty() ? null : webhookSecret;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!isPlayground(path)) {
            return chain.filter(exchange);
        }
        if (!fromLoopback(request)) {
            return forbidden(exchange);
        }
        if (path.equals(PlaygroundHandler.WEBHOOK_PATH) && webhookSecret != null
                && !request.getHeaders().containsHeader(SECRET_HEADER)) {
            return chain.filter(exchange.mutate()
                    .request(request.mutate().header(SECRET_HEADER, webhookSecret).build())
                    .build());
        }
        return chain.filter(exchange);
    }

    /** The page and its files, its API and the webhook: everything but the actuator. */
    private static boolean isPlayground(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/playground-api/")
                || path.startsWith("/playground/") || path.equals(PlaygroundHandler.WEBHOOK_PATH);
    }

    private static boolean fromLoopback(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        DataBuffer body = response.bufferFactory().wrap(
                "The playground serves this machine only.\n".getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    /** Before everything else, so that nothing of the playground runs for a stranger. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

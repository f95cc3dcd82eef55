package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Only this machine reaches the playground, and its webhook posts get the secret the page is never given. */
class LoopbackOnlyTest {

    private static final String SECRET = "playground_secret_0123456789";
    private final LoopbackOnly filter = new LoopbackOnly(SECRET);

    private static MockServerWebExchange from(String address, MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request.remoteAddress(new InetSocketAddress(address, 50_000)).build());
    }

    /** Runs the filter; what reached the handlers, null when it was stopped. */
    private ServerWebExchange passed(MockServerWebExchange exchange) {
        AtomicReference<ServerWebExchange> reached = new AtomicReference<>();
        filter.filter(exchange, next -> {
            reached.set(next);
            return Mono.empty();
        }).block();
        return reached.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/playground-api/config", "/playground-api/events", "/playground/playground.js"})
    void anotherMachineGetsForbiddenForThePageTheApiAndTheEventStream(String path) {
        MockServerWebExchange exchange = from("192.168.1.77", MockServerHttpRequest.get(path));

        assertThat(passed(exchange)).isNull();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anotherMachineCannotPostToThePlaygroundsWebhook() {
        MockServerWebExchange exchange = from("10.0.0.5", MockServerHttpRequest.post("/telegram/webhook"));

        assertThat(passed(exchange)).isNull();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void thisMachineGetsThePageAndItsWebhookPostsCarryTheSecret() {
        assertThat(passed(from("127.0.0.1", MockServerHttpRequest.get("/playground-api/events")))).isNotNull();

        ServerWebExchange posted = passed(from("127.0.0.1", MockServerHttpRequest.post("/telegram/webhook")));

        assertThat(posted.getRequest().getHeaders().getFirst(LoopbackOnly.SECRET_HEADER)).isEqualTo(SECRET);
    }

    @Test
    void theActuatorIsNotThePlaygrounds() {
        assertThat(passed(from("10.0.0.5", MockServerHttpRequest.get("/actuator/health")))).isNotNull();
    }
}

package org.breadbot.ingress.webhook;

import java.util.Map;
import org.breadbot.ingress.IngressProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class WebhookRoutes {

    static final String PATH = "/telegram/webhook";

    @Bean
    RouterFunction<ServerResponse> webhookRoute(WebhookHandler handler, IngressProperties properties) {
        if (isClosed(properties)) {
            return RouterFunctions.route().POST(PATH, request -> ServerResponse.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(Map.of("title", "the webhook is closed: updates come by long polling and no"
                            + " webhook secret is set"))).build();
        }
        return RouterFunctions.route().POST(PATH, handler::handle).build();
    }

    /**
     * Polling without a secret: nothing should post updates, so nothing may. An open webhook next to a poller
     * would let anyone who can reach the port forge updates that the real bot then acts on.
     */
    static boolean isClosed(IngressProperties properties) {
        return properties.polling().enabled() && !properties.webhook().requiresSecret()
                && !properties.webhook().allowUnauthenticated();
    }
}

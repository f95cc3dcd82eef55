package org.breadbot.ingress.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class WebhookRoutes {

    static final String PATH = "/telegram/webhook";

    @Bean
    RouterFunction<ServerResponse> webhookRoute(WebhookHandler handler) {
        return RouterFunctions.route().POST(PATH, handler::handle).build();
    }
}

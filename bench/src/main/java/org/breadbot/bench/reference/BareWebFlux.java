package org.breadbot.bench.reference;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The framework's ceiling for the ingress: a Spring Boot WebFlux app on Reactor Netty whose
 * {@code POST /telegram/webhook} reads the body and answers 200, with no Kafka and no parsing. Run as a JVM of its
 * own with the same flags as the ingress; {@code GET /ready} tells the launcher it is up.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class BareWebFlux {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareWebFlux.class);
        application.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "server.port", "${SERVER_PORT:8090}"));
        application.run(args);
    }

    @Bean
    RouterFunction<ServerResponse> webhook() {
        return route(POST("/telegram/webhook"),
                request -> request.bodyToMono(byte[].class).then(ServerResponse.ok().build()))
                .andRoute(GET("/ready"), request -> ServerResponse.ok().build());
    }
}

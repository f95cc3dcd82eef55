package org.breadbot.standalone.playground;

import org.breadbot.ingress.IngressProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The playground's part of the ingress context; added to it only when the playground is on. */
@Configuration(proxyBeanMethods = false)
class PlaygroundWeb {

    @Bean
    PlaygroundHandler playgroundHandler(Playground playground) {
        return new PlaygroundHandler(playground);
    }

    @Bean
    LoopbackOnly playgroundLoopbackOnly(IngressProperties ingress) {
        return new LoopbackOnly(ingress.webhook().secret());
    }

    @Bean
    RouterFunction<ServerResponse> playgroundRoutes(PlaygroundHandler handler) {
        return RouterFunctions.route()
                .GET("/", handler::page)
                .GET("/index.html", handler::page)
                .GET("/playground-api/config", handler::config)
                .POST("/playground-api/ids", handler::ids)
                .GET("/playground-api/events", handler::events)
                .GET("/playground-api/media/{fileId}", handler::media)
                .build()
                .and(RouterFunctions.resources("/playground/**", new ClassPathResource("playground/")));
    }

    @Bean
    KafkaTrailReader playgroundKafkaTrail(Playground playground, KafkaProperties kafka) {
        return new KafkaTrailReader(kafka.buildConsumerProperties(), playground.trail(), playground.chats());
    }
}

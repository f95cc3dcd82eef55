package org.breadbot.processor.integration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.function.Function;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.RandomSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The outside services (spec §8), each with its own WebClient, timeout, retries and circuit breaker
 * ({@code resilience4j_circuitbreaker_*} meters, tagged {@code name=quotes|jokes|advice|openai}).
 */
@Configuration(proxyBeanMethods = false)
class IntegrationsConfiguration {

    /** Longest wait for a TCP connection, whatever the service's timeout. */
    private static final long MAX_CONNECT_MILLIS = 10_000;

    @Bean
    CircuitBreakerRegistry integrationCircuitBreakers(IntegrationsProperties properties) {
        return circuitBreakers(properties.circuitBreaker());
    }

    static CircuitBreakerRegistry circuitBreakers(IntegrationsProperties.Breaker breaker) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(Math.min(breaker.minimumCalls(), breaker.slidingWindow()))
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    @Bean
    MeterBinder integrationCircuitBreakerMetrics(CircuitBreakerRegistry integrationCircuitBreakers) {
        return registry -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(integrationCircuitBreakers)
                .bindTo(registry);
    }

    @Bean
    JobAnswers jobAnswers(IntegrationsProperties properties, CircuitBreakerRegistry integrationCircuitBreakers,
            BotProperties bot, ObjectProvider<RandomSource> randomSource,
            ObjectProvider<ReactorResourceFactory> resources) {
        return jobAnswers(properties, integrationCircuitBreakers, bot,
                randomSource.getIfAvailable(RandomSource::threadLocal), resources.getIfAvailable());
    }

    /** Every service wired with its settings; {@code netty} may be null (Reactor Netty's global resources). */
    static JobAnswers jobAnswers(IntegrationsProperties properties, CircuitBreakerRegistry breakers,
            BotProperties bot, RandomSource random, ReactorResourceFactory netty) {
        IntegrationsProperties.OpenAi openAi = properties.openai();
        return new JobAnswers(
                new QuoteProvider(http("quotes", properties.quotes(), breakers, netty)),
                new JokeProvider(http("jokes", properties.jokes(), breakers, netty),
                        () -> random.between(1, JokeProvider.PAGES)),
                new AdviceProvider(http("advice", properties.advice(), breakers, netty)),
                new OpenAiClient(new ResilientHttp("openai",
                        openAi.configured() ? webClient(openAi.baseUrl(), openAi.timeout(), openAi.maxBody(), netty)
                                : null,
                        openAi.timeout(), openAi.retries(), openAi.backoff(), breakers.circuitBreaker("openai")),
                        openAi, random::nextInt),
                new JobAnswers.Offline(
                        OfflineCollection.load("quotes", random::nextInt),
                        OfflineCollection.load("jokes", random::nextInt),
                        OfflineCollection.load("advice", random::nextInt)),
                bot);
    }

    private static ResilientHttp http(String name, IntegrationsProperties.Provider provider,
            CircuitBreakerRegistry breakers, ReactorResourceFactory netty) {
        return new ResilientHttp(name,
                provider.configured()
                        ? webClient(provider.baseUrl(), provider.timeout(), provider.maxBody(), netty)
                        : null,
                provider.timeout(), provider.retries(), provider.backoff(), breakers.circuitBreaker(name));
    }

    /**
     * A client of its own per service: its base URL, its body limit (a longer answer fails as garbage instead of
     * filling the heap), and the context's Reactor Netty resources when it has its own (standalone).
     */
    static WebClient webClient(String baseUrl, Duration timeout, DataSize maxBody, ReactorResourceFactory netty) {
        Function<HttpClient, HttpClient> settings = client -> client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), MAX_CONNECT_MILLIS))
                .followRedirect(true);
        ClientHttpConnector connector = netty != null
                ? new ReactorClientHttpConnector(netty, settings)
                : new ReactorClientHttpConnector(settings.apply(HttpClient.create()));
        return WebClient.builder()
                .baseUrl(baseUrl.strip())
                .clientConnector(connector)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) Math.min(maxBody.toBytes(),
                        Integer.MAX_VALUE)))
                .build();
    }
}

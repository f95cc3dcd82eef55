package org.breadbot.standalone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.ingress.IngressApplication;
import org.breadbot.processor.ProcessorApplication;
import org.breadbot.sender.SenderApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The whole bot in one JVM: embedded Kafka and PostgreSQL when none is configured, then the processor (which applies
 * the schema), the sender and the ingress, each in its own Spring context exactly as it runs on its own.
 * Only the ingress serves HTTP, on {@code SERVER_PORT} (default 8080).
 */
public final class BreadBotStandalone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BreadBotStandalone.class);

    private final EmbeddedInfrastructure infrastructure;
    private final List<ConfigurableApplicationContext> contexts;

    private BreadBotStandalone(EmbeddedInfrastructure infrastructure, List<ConfigurableApplicationContext> contexts) {
        this.infrastructure = infrastructure;
        this.contexts = contexts;
    }

    public static void main(String[] args) {
        BreadBotStandalone bot = start(System.getenv(), Map.of(), args);
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "bread-bot-shutdown"));
    }

    /**
     * Starts everything.
     *
     * @param env       the environment variables to decide what to embed from
     * @param overrides Spring properties that win over everything else (tests use them)
     */
    public static BreadBotStandalone start(Map<String, String> env, Map<String, Object> overrides, String... args) {
        long started = System.nanoTime();
        StandaloneSettings settings = StandaloneSettings.from(env);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings);
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            Map<String, Object> shared = new HashMap<>(infrastructure.properties());
            shared.putAll(overrides);
            contexts.add(run(ProcessorApplication.class, WebApplicationType.NONE, shared, args));
            contexts.add(run(SenderApplication.class, WebApplicationType.NONE, shared, args));
            Map<String, Object> ingress = new HashMap<>(shared);
            if (settings.polling()) {
                ingress.putIfAbsent("bread-bot.ingress.polling.enabled", "true");
            }
            contexts.add(run(IngressApplication.class, WebApplicationType.REACTIVE, ingress, args));
        } catch (RuntimeException e) {
            new BreadBotStandalone(infrastructure, contexts).close();
            throw e;
        }
        log.info("bread-bot is up in {} ms{}", (System.nanoTime() - started) / 1_000_000,
                settings.polling() ? ", taking updates by long polling" : "");
        return new BreadBotStandalone(infrastructure, contexts);
    }

    static ConfigurableApplicationContext run(Class<?> application, WebApplicationType type,
            Map<String, Object> properties, String... args) {
        return new SpringApplicationBuilder(application)
                .web(type)
                .bannerMode(type == WebApplicationType.NONE ? Banner.Mode.OFF : Banner.Mode.CONSOLE)
                .registerShutdownHook(false)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("standalone", properties)))
                .initializers(BreadBotStandalone::ownNettyResources)
                .run(args);
    }

    /**
     * Gives the context Reactor Netty event loops and connection pools of its own. By default every context shares
     * Reactor Netty's global ones and disposes them when it closes, which would stop the other services' HTTP
     * clients and server whenever one service stops or restarts.
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean(ReactorResourceFactory.class, () -> {
                ReactorResourceFactory factory = new ReactorResourceFactory();
                factory.setUseGlobalResources(false);
                return factory;
            });
        }
    }

    /** The running contexts: processor, sender, ingress. */
    public List<ConfigurableApplicationContext> contexts() {
        return Collections.unmodifiableList(contexts);
    }

    /** Puts a restarted context in the place of a stopped one, so that {@link #close()} stops it too. */
    synchronized void replace(int index, ConfigurableApplicationContext context) {
        contexts.set(index, context);
    }

    /** Stops the services in reverse order (ingress first, so nothing new comes in), then the embedded parts. */
    @Override
    public synchronized void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(contexts);
        Collections.reverse(reversed);
        for (ConfigurableApplicationContext context : reversed) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed: {}", context.getId(), e.toString());
            }
        }
        contexts.clear();
        infrastructure.close();
    }
}

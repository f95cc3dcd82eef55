package org.breadbot.standalone;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breadbot.ingress.IngressApplication;
import org.breadbot.processor.ProcessorApplication;
import org.breadbot.sender.SenderApplication;
import org.breadbot.standalone.playground.Playground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The whole bot in one JVM: embedded Kafka and PostgreSQL when none is configured, then the processor (which applies
 * the schema), the sender and the ingress, each in its own Spring context exactly as it runs on its own.
 * Only the ingress serves HTTP, on {@code SERVER_PORT} (default 8080). Without a bot token (or with
 * {@code BREAD_BOT_PLAYGROUND_ENABLED=true}) the sender talks to the {@link Playground}'s Bot API emulator instead of
 * Telegram, and the ingress also serves the playground page at {@code /}.
 */
public final class BreadBotStandalone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BreadBotStandalone.class);

    private final EmbeddedInfrastructure infrastructure;
    private final Playground playground;
    private final List<ConfigurableApplicationContext> contexts;

    private BreadBotStandalone(EmbeddedInfrastructure infrastructure, Playground playground,
            List<ConfigurableApplicationContext> contexts) {
        this.infrastructure = infrastructure;
        this.playground = playground;
        this.contexts = contexts;
    }

    public static void main(String[] args) {
        boolean verbose = QuietLogging.verbose(System.getenv(), args);
        QuietLogging.applyBeforeSpring(verbose);
        BreadBotStandalone bot = start(System.getenv(), Map.of(), QuietLogging.springDefaults(verbose), args);
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "bread-bot-shutdown"));
    }

    /**
     * Starts everything, with the services' own log levels.
     *
     * @param env       the environment variables to decide what to embed from
     * @param overrides Spring properties that win over everything else (tests use them)
     */
    public static BreadBotStandalone start(Map<String, String> env, Map<String, Object> overrides, String... args) {
        return start(env, overrides, Map.of(), args);
    }

    /**
     * Starts everything.
     *
     * @param env       the environment variables to decide what to embed from
     * @param overrides Spring properties that win over everything else (tests use them)
     * @param defaults  Spring properties that lose to everything else (the jar's quiet log levels)
     */
    static BreadBotStandalone start(Map<String, String> env, Map<String, Object> overrides,
            Map<String, Object> defaults, String... args) {
        long started = System.nanoTime();
        StandaloneSettings settings = StandaloneSettings.from(env);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings);
        Playground playground = null;
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            playground = Playground.isWanted(env, overrides) ? Playground.start(env, overrides) : null;
            Map<String, Object> shared = new HashMap<>(infrastructure.properties());
            shared.putAll(overrides);
            if (playground != null) {
                shared.putAll(playground.properties());
            }
            contexts.add(builder(ProcessorApplication.class, WebApplicationType.NONE, shared)
                    .properties(defaults).run(args));
            contexts.add(builder(SenderApplication.class, WebApplicationType.NONE, shared)
                    .properties(defaults).run(args));
            Map<String, Object> ingress = new HashMap<>(shared);
            ingress.putAll(StandaloneSettings.webhookAccess(env, overrides));
            ingress.putAll(StandaloneSettings.listenAddress(env, overrides));
            if (playground != null) {
                ingress.putAll(playground.ingressProperties());
            } else if (settings.polling()) {
                ingress.putIfAbsent("bread-bot.ingress.polling.enabled", "true");
            }
            SpringApplicationBuilder ingressApplication =
                    builder(IngressApplication.class, WebApplicationType.REACTIVE, ingress).properties(defaults);
            ingressApplication.initializers(servingMetricsOf(contexts.get(0), contexts.get(1)));
            if (playground != null) {
                playground.attachTo(ingressApplication);
            }
            contexts.add(ingressApplication.run(args));
        } catch (RuntimeException e) {
            new BreadBotStandalone(infrastructure, playground, contexts).close();
            throw e;
        }
        StartupBanner banner = StartupBanner.of(settings, contexts.get(2).getEnvironment(), port(contexts.get(2)),
                playground != null, (System.nanoTime() - started) / 1_000_000);
        log.info("{}", banner);
        return new BreadBotStandalone(infrastructure, playground, contexts);
    }

    static ConfigurableApplicationContext run(Class<?> application, WebApplicationType type,
            Map<String, Object> properties, String... args) {
        return builder(application, type, properties).run(args);
    }

    private static SpringApplicationBuilder builder(Class<?> application, WebApplicationType type,
            Map<String, Object> properties) {
        return new SpringApplicationBuilder(application)
                .web(type)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("standalone", properties)))
                .initializers(BreadBotStandalone::ownNettyResources);
    }

    /** The ingress's {@code /actuator/prometheus} serves the processor's and the sender's meters too. */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> servingMetricsOf(
            ConfigurableApplicationContext... services) {
        return context -> ((GenericApplicationContext) context).registerBean("mergedPrometheusRegistry",
                PrometheusRegistry.class, () -> new MergedPrometheusRegistry(Arrays.stream(services)
                        .map(service -> service.getBean(PrometheusRegistry.class)).toList()));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
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

    /** The playground, when it is on. */
    public Optional<Playground> playground() {
        return Optional.ofNullable(playground);
    }

    /** Puts a restarted context in the place of a stopped one, so that {@link #close()} stops it too. */
    synchronized void replace(int index, ConfigurableApplicationContext context) {
        contexts.set(index, context);
    }

    /**
     * Stops the services in reverse order (ingress first, so nothing new comes in), then the playground's emulator
     * and the embedded parts.
     */
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
        if (playground != null) {
            playground.close();
        }
        infrastructure.close();
    }
}

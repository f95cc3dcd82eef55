package org.breadbot.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Loads a service's defaults ({@code ingress.yml}, {@code processor.yml}, ...) for the applications of that
 * service only, at the lowest precedence, followed by {@value #COMMON} with what all services share.
 *
 * <p>Why not {@code application.yml}: the standalone build runs all three services in one JVM, where only one
 * {@code application.yml} can be seen on the class path. A service registers a subclass in its
 * {@code META-INF/spring.factories}; an application counts as that service's when one of its sources lives in the
 * service's package.
 */
public abstract class ServiceDefaults implements EnvironmentPostProcessor {

    /** Defaults shared by every service; the service's own file wins over it. */
    public static final String COMMON = "bread-bot-common.yml";

    private final String servicePackage;
    private final String resource;

    protected ServiceDefaults(String servicePackage, String resource) {
        this.servicePackage = servicePackage;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        LiquibaseAnalytics.disable();
        if (!belongsToService(application) || environment.getPropertySources().contains(sourceName(resource))) {
            return;
        }
        load(resource).forEach(source -> environment.getPropertySources().addLast(source));
        if (!environment.getPropertySources().contains(sourceName(COMMON))) {
            load(COMMON).forEach(source -> environment.getPropertySources().addLast(source));
        }
    }

    private boolean belongsToService(SpringApplication application) {
        return application.getAllSources().stream()
                .map(source -> source instanceof Class<?> type ? type.getPackageName() : String.valueOf(source))
                .anyMatch(name -> name.equals(servicePackage) || name.startsWith(servicePackage + "."));
    }

    private static List<PropertySource<?>> load(String resource) {
        try {
            return new YamlPropertySourceLoader().load(sourceName(resource), new ClassPathResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String sourceName(String resource) {
        return "serviceDefaults[" + resource + "]";
    }
}

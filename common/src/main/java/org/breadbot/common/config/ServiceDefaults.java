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
 * service only, at the lowest precedence.
 *
 * <p>Why not {@code application.yml}: the standalone build runs all three services in one JVM, where only one
 * {@code application.yml} can be seen on the class path. A service registers a subclass in its
 * {@code META-INF/spring.factories}; an application counts as that service's when one of its sources lives in the
 * service's package.
 */
public abstract class ServiceDefaults implements EnvironmentPostProcessor {

    private final String servicePackage;
    private final String resource;

    protected ServiceDefaults(String servicePackage, String resource) {
        this.servicePackage = servicePackage;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!belongsToService(application) || environment.getPropertySources().contains(sourceName())) {
            return;
        }
        load().forEach(source -> environment.getPropertySources().addLast(source));
    }

    private boolean belongsToService(SpringApplication application) {
        return application.getAllSources().stream()
                .map(source -> source instanceof Class<?> type ? type.getPackageName() : String.valueOf(source))
                .anyMatch(name -> name.equals(servicePackage) || name.startsWith(servicePackage + "."));
    }

    private List<PropertySource<?>> load() {
        try {
            return new YamlPropertySourceLoader().load(sourceName(), new ClassPathResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private String sourceName() {
        return "serviceDefaults[" + resource + "]";
    }
}

package org.breadbot.testsupport;

import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses embedded servers or Testcontainers for {@link TestKafka} and {@link TestPostgres}, from system properties
 * and whether a Docker engine answers.
 *
 * <ul>
 *   <li>{@value #KAFKA} / {@value #POSTGRES} = {@code embedded} or {@code container} force that one fixture;
 *       {@code auto} (the default) defers to the next rule.</li>
 *   <li>{@value #DOCKER} = {@code false} means embedded, {@code true} means containers (failing when Docker is
 *       missing), {@code auto} (the default) means containers exactly when a Docker engine is available.</li>
 * </ul>
 * Docker is only probed when the answer depends on it, so {@code -Dbread-bot.test.docker=false} costs nothing.
 */
final class BackendSelection {

    static final String DOCKER = "bread-bot.test.docker";
    static final String KAFKA = "bread-bot.test.kafka";
    static final String POSTGRES = "bread-bot.test.postgres";

    private static final String AUTO = "auto";
    private static final Set<String> SERVICE_VALUES = Set.of(AUTO, "embedded", "container");
    private static final Set<String> DOCKER_VALUES = Set.of(AUTO, "true", "false");

    private final UnaryOperator<String> properties;
    private final BooleanSupplier dockerAvailable;

    BackendSelection(UnaryOperator<String> properties, BooleanSupplier dockerAvailable) {
        this.properties = properties;
        this.dockerAvailable = dockerAvailable;
    }

    /** From system properties and Testcontainers' own Docker discovery (which caches its answer). */
    static BackendSelection fromSystem() {
        return new BackendSelection(System::getProperty, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    Backend kafka() {
        return select(KAFKA);
    }

    Backend postgres() {
        return select(POSTGRES);
    }

    private Backend select(String serviceProperty) {
        String forced = value(serviceProperty, SERVICE_VALUES);
        if (!forced.equals(AUTO)) {
            return Backend.valueOf(forced.toUpperCase(Locale.ROOT));
        }
        return switch (value(DOCKER, DOCKER_VALUES)) {
            case "false" -> Backend.EMBEDDED;
            case "true" -> Backend.CONTAINER;
            default -> dockerAvailable.getAsBoolean() ? Backend.CONTAINER : Backend.EMBEDDED;
        };
    }

    private String value(String property, Set<String> allowed) {
        String raw = properties.apply(property);
        String value = raw == null || raw.isBlank() ? AUTO : raw.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("-D" + property + "=" + raw + " is not one of " + allowed);
        }
        return value;
    }
}

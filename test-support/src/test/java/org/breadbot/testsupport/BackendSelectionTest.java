package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {

    private final Map<String, String> properties = new HashMap<>();
    private final AtomicInteger dockerProbes = new AtomicInteger();

    private BackendSelection selection(boolean dockerAvailable) {
        BooleanSupplier probe = () -> {
            dockerProbes.incrementAndGet();
            return dockerAvailable;
        };
        return new BackendSelection(properties::get, probe);
    }

    @Test
    void withoutDockerBothAreEmbedded() {
        BackendSelection selection = selection(false);

        assertThat(selection.kafka()).isEqualTo(Backend.EMBEDDED);
        assertThat(selection.postgres()).isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void withDockerBothAreContainers() {
        BackendSelection selection = selection(true);

        assertThat(selection.kafka()).isEqualTo(Backend.CONTAINER);
        assertThat(selection.postgres()).isEqualTo(Backend.CONTAINER);
    }

    @Test
    void dockerFalseMeansEmbeddedWithoutProbingDocker() {
        properties.put(BackendSelection.DOCKER, "false");
        BackendSelection selection = selection(true);

        assertThat(selection.kafka()).isEqualTo(Backend.EMBEDDED);
        assertThat(selection.postgres()).isEqualTo(Backend.EMBEDDED);
        assertThat(dockerProbes).hasValue(0);
    }

    @Test
    void dockerTrueMeansContainersWithoutProbingDocker() {
        properties.put(BackendSelection.DOCKER, "true");
        BackendSelection selection = selection(false);

        assertThat(selection.kafka()).isEqualTo(Backend.CONTAINER);
        assertThat(selection.postgres()).isEqualTo(Backend.CONTAINER);
        assertThat(dockerProbes).hasValue(0);
    }

    @Test
    void aFixturePropertyOverridesTheDockerChoiceForThatFixtureOnly() {
        properties.put(BackendSelection.KAFKA, "embedded");
        BackendSelection selection = selection(true);

        assertThat(selection.kafka()).isEqualTo(Backend.EMBEDDED);
        assertThat(selection.postgres()).isEqualTo(Backend.CONTAINER);
    }

    @Test
    void aFixturePropertyWinsOverDockerFalse() {
        properties.put(BackendSelection.DOCKER, "false");
        properties.put(BackendSelection.POSTGRES, "container");
        BackendSelection selection = selection(false);

        assertThat(selection.postgres()).isEqualTo(Backend.CONTAINER);
        assertThat(selection.kafka()).isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void valuesAreTrimmedAndCaseInsensitiveAndBlankMeansAuto() {
        properties.put(BackendSelection.KAFKA, " Embedded ");
        properties.put(BackendSelection.POSTGRES, "");
        properties.put(BackendSelection.DOCKER, "AUTO");
        BackendSelection selection = selection(true);

        assertThat(selection.kafka()).isEqualTo(Backend.EMBEDDED);
        assertThat(selection.postgres()).isEqualTo(Backend.CONTAINER);
    }

    @Test
    void anUnknownValueIsRejectedNamingTheProperty() {
        properties.put(BackendSelection.DOCKER, "maybe");

        assertThatThrownBy(() -> selection(true).kafka())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dbread-bot.test.docker=maybe");
    }
}

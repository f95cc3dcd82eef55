package org.breadbot.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.breadbot.common.config.ServiceDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsTest {

    /** A stand-in service whose defaults file is the shared one, so the test needs no file of its own. */
    static final class CommonDefaults extends ServiceDefaults {
        CommonDefaults() {
            super("org.breadbot.common", COMMON);
        }
    }

    static final class OtherDefaults extends ServiceDefaults {
        OtherDefaults() {
            super("org.breadbot.elsewhere", COMMON);
        }
    }

    @Test
    void loadsTheDefaultsForTheServicesOwnApplicationsAtTheLowestPrecedence() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("mine",
                java.util.Map.of("logging.level.reactor.netty.channel", "WARN")));

        new CommonDefaults().postProcessEnvironment(environment, new SpringApplication(ServiceDefaultsTest.class));

        assertThat(environment.getProperty("logging.level.reactor.netty.http.client")).isEqualTo("INFO");
        assertThat(environment.getProperty("logging.level.reactor.netty.channel")).isEqualTo("WARN");
    }

    @Test
    void leavesOtherServicesApplicationsAlone() {
        StandardEnvironment environment = new StandardEnvironment();

        new OtherDefaults().postProcessEnvironment(environment, new SpringApplication(ServiceDefaultsTest.class));

        assertThat(environment.getProperty("logging.level.reactor.netty.http.client")).isNull();
    }
}

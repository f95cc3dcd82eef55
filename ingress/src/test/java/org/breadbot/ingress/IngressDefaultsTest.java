package org.breadbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

class IngressDefaultsTest {

    private static StandardEnvironment processed(SpringApplication application, String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
        new IngressDefaults().postProcessEnvironment(environment, application);
        return environment;
    }

    @Test
    void ingressDefaultsApplyToTheIngressApplication() {
        StandardEnvironment environment = processed(new SpringApplication(IngressApplication.class));

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,prometheus");
        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
    }

    @Test
    void explicitSettingsWinOverTheDefaults() {
        StandardEnvironment environment = processed(new SpringApplication(IngressApplication.class),
                "spring.application.name=custom");

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("custom");
    }

    @Test
    void registerOnlyRunStartsNoWebServer() {
        StandardEnvironment environment = processed(new SpringApplication(IngressApplication.class),
                "bread-bot.ingress.webhook.register-only=true");

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
    }

    @Test
    void otherApplicationsDoNotGetIngressDefaults() {
        StandardEnvironment environment = processed(new SpringApplication(org.breadbot.common.json.Json.class));

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isNull();
    }
}

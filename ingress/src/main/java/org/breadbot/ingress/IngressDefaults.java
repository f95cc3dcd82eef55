package org.breadbot.ingress;

import java.util.Map;
import org.breadbot.common.config.ServiceDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Loads {@code ingress.yml}; and for a one-off {@code --bread-bot.ingress.webhook.register-only=true} run, starts
 * no web server, so the job can run next to a live ingress on the same host.
 */
public final class IngressDefaults extends ServiceDefaults {

    static final String REGISTER_ONLY = "bread-bot.ingress.webhook.register-only";

    public IngressDefaults() {
        super("org.breadbot.ingress", "ingress.yml");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        super.postProcessEnvironment(environment, application);
        if (Boolean.TRUE.equals(environment.getProperty(REGISTER_ONLY, Boolean.class))) {
            environment.getPropertySources().addFirst(new MapPropertySource("ingressRegisterOnly",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}

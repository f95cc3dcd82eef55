package org.breadbot.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.breadbot.common.config.ServiceDefaults;
import org.breadbot.common.tracing.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** With the shared defaults, a plain-text line of an update's handling names the update, its chat and its trace. */
@ExtendWith(OutputCaptureExtension.class)
class LogLineTest {

    private static final Logger log = LoggerFactory.getLogger(LogLineTest.class);

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @BeforeEach
    @AfterEach
    void forgetLoggingSetUp() {
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("LOG_CORRELATION_PATTERN");
    }

    @Test
    void linesOfAnUpdatesHandlingCarryItsIdsAndOthersStayAsTheyWere(CapturedOutput output) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("common", new ClassPathResource(ServiceDefaults.COMMON))
                .forEach(environment.getPropertySources()::addLast);
        Trace trace = Trace.start();

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).environment(environment).run()) {
            try (UpdateMdc.Scope scope = UpdateMdc.put(UpdateMdc.of(42L, -100L, trace))) {
                log.info("handling the update");
            }
            log.info("between updates");
        }

        assertThat(output.getOut()).contains("[update=42 chat=-100 trace=" + trace.traceId() + "] ")
                .containsPattern("\\] o\\.breadbot\\.common\\.logging\\.LogLineTest +: between updates")
                .doesNotContain("[update= chat= trace=]");
    }
}

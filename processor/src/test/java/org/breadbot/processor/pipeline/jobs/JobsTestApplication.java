package org.breadbot.processor.pipeline.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.processor.ProcessorApplication;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole processor — pipeline, bot, morphology, integrations, jobs — as {@link ProcessorApplication} builds it,
 * minus the configurations nested in test classes, which a plain component scan of the test class path would pick
 * up. Not a {@code @Configuration} itself, so no scan picks it up either.
 */
@EnableAutoConfiguration
@ConfigurationPropertiesScan("org.breadbot.processor")
@ComponentScan(basePackages = "org.breadbot.processor", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.breadbot\\.processor\\..*(Test|IT)(\\$.*)?"),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ProcessorApplication.class)})
final class JobsTestApplication {

    private JobsTestApplication() {
    }

    /** Starts a processor on {@code database} and the test broker; {@code overrides} win over everything. */
    static ConfigurableApplicationContext start(TestDatabase database, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("bread-bot.processor.outbox.relay-min-age", "2s");
        properties.put("bread-bot.jobs.relay-interval", "500ms");
        properties.putAll(overrides);
        List<String> args = new ArrayList<>();
        // command-line arguments, because the service defaults would override default properties
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(JobsTestApplication.class).run(args.toArray(String[]::new));
    }
}

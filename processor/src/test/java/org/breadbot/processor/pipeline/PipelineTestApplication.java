package org.breadbot.processor.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestKafka;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A processor with the real pipeline, Kafka, R2DBC, Liquibase and actuator, but {@link EchoHandler} instead of
 * the bot logic. Not a {@code @Configuration}, so no component scan picks it up.
 */
@EnableAutoConfiguration
@Import({PipelineConfiguration.class, EchoHandler.class})
final class PipelineTestApplication {

    private PipelineTestApplication() {
    }

    /** Starts a processor on {@code database} and the test broker; {@code overrides} win over everything. */
    static ConfigurableApplicationContext start(TestDatabase database, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("bread-bot.processor.outbox.relay-min-age", "2s");
        properties.put("bread-bot.processor.max-update-bytes", 64 * 1024);
        properties.put("bread-bot.processor.retry.transient-initial", "200ms");
        properties.put("bread-bot.processor.retry.transient-max", "2s");
        properties.put("bread-bot.processor.retry.other-interval", "100ms");
        properties.putAll(overrides);
        List<String> args = new ArrayList<>();
        // command-line arguments, because the service defaults would override default properties
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(PipelineTestApplication.class).run(args.toArray(String[]::new));
    }
}

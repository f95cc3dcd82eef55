package org.breadbot.processor.morph;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.breadbot.processor.bot.Morphology;
import org.breadbot.processor.bot.RandomSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The beans the bot and the commands get: substring forms through the bot's seam, the generator, the report. */
class MorphologyConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, MorphologyConfiguration.class, SubstringForms.class);

    @Test
    void substringMatchingGetsTheRealAnalyserThroughTheBotSeam() {
        context.run(app -> {
            assertThat(app).hasSingleBean(Morphology.class);
            assertThat(app.getBean(Morphology.class).forms("слово")).contains("слову");
            assertThat(app.getBean(MorphReport.class).forms("слово")).startsWith("слово\nслова\nслову");
            assertThat(app.getBean(NonsenseGenerator.class).generate("проза", 1, java.util.List.of("голова")))
                    .contains("голова");
            assertThat(app).hasSingleBean(MeterBinder.class);
        });
    }

    @Test
    void theGeneratorUsesTheBotsRandomSourceWhenThereIsOne() {
        context.withBean(RandomSource.class, () -> RandomSource.seeded(1))
                .run(app -> assertThat(app).hasSingleBean(NonsenseGenerator.class));
    }

    @Test
    void cacheBoundsAreValidated() {
        context.withPropertyValues("bread-bot.morphology.cached-words=0")
                .run(app -> assertThat(app).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MorphologyProperties.class)
    static class Properties {
    }
}

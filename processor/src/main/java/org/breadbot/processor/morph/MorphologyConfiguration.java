package org.breadbot.processor.morph;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.breadbot.processor.bot.RandomSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The morphology beans. The dictionaries load at start-up, so the first message does not pay for it. */
@Configuration(proxyBeanMethods = false)
class MorphologyConfiguration {

    @Bean
    RussianMorphology russianMorphology(MorphologyProperties properties) {
        return new CachedMorphology(new DictionaryMorphology(AotDictionary.load()), properties);
    }

    @Bean
    NonsenseGenerator nonsenseGenerator(RussianMorphology morphology, ObjectProvider<RandomSource> random) {
        RandomSource source = random.getIfAvailable(RandomSource::threadLocal);
        return new NonsenseGenerator(morphology, NonsenseRandom.uniform(source::nextInt));
    }

    @Bean
    MorphReport morphReport(RussianMorphology morphology) {
        return new MorphReport(morphology);
    }

    @Bean
    MeterBinder morphologyCacheMetrics(RussianMorphology morphology) {
        return registry -> {
            if (morphology instanceof CachedMorphology cached) {
                cached.registerMetrics(registry);
            }
        };
    }
}

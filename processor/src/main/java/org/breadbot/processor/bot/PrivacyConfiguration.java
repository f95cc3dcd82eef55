package org.breadbot.processor.bot;

import java.time.Clock;
import java.time.LocalDateTime;
import org.breadbot.processor.pipeline.PeriodicTask;
import org.breadbot.processor.store.ForgettingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Forgetting the chats the bot was removed from (docs/privacy.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    /** Forgets the chats the bot was removed from once their retention period is over, on every instance. */
    @Bean
    PeriodicTask departedChatsPurge(ForgettingStore forgetting, PrivacyProperties privacy,
            ObjectProvider<Clock> clock) {
        Clock utc = clock.getIfUnique(Clock::systemUTC);
        return new PeriodicTask("departed-chats-purge", privacy.purgeInterval(),
                () -> forgetting.forgetRemovedBefore(
                        LocalDateTime.now(utc).minus(privacy.retentionAfterRemoval()), privacy.purgeBatch()));
    }
}

package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.breadbot.processor.ProcessorDefaults;
import org.breadbot.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;

class BotPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @Import(BotConfiguration.class)
    @EnableConfigurationProperties(BotProperties.class)
    static class Config {
    }

    /** Binds like the application (with processor.yml's mapping), {@code variables} standing in for the environment. */
    private static BotProperties bind(Map<String, Object> variables) {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("variables", variables));
            new ProcessorDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication(Config.class));
            context.register(Config.class);
            context.refresh();
            return context.getBean(BotProperties.class);
        }
    }

    @Test
    void botsNeverGetAutomaticAnswersPeopleDo() {
        BotProperties properties = bind(Map.of());
        assertThat(properties.answersAutomatically(TestUsers.bot(5L, "echo_bot"))).isFalse();
        assertThat(properties.answersAutomatically(TestUsers.ALICE)).isTrue();
    }

    @Test
    void defaultsAreTheOriginalOnes() {
        BotProperties properties = bind(Map.of());
        assertThat(properties.name()).isEqualTo("Хлеб");
        assertThat(properties.alterNames()).isEqualTo("хлебушек,хлеб,bread_bot");
        assertThat(properties.messageLenLimit()).isEqualTo(4096);
        assertThat(properties.ignoredUsers()).isEmpty();
        assertThat(properties.addressingWords()).containsExactly("хлеб", "хлебушек", "хлеб", "bread_bot");
    }

    @Test
    void theOriginalVariablesAreHonoured() {
        BotProperties properties = bind(Map.of(
                "BOT_NAME", "Батон",
                "ALTER_NAMES", "булка, bun",
                "MESSAGE_LEN_LIMIT", "100",
                "IGNORED_USERS", "1,-22,333"));
        assertThat(properties.name()).isEqualTo("Батон");
        assertThat(properties.messageLenLimit()).isEqualTo(100);
        assertThat(properties.ignoredUsers()).containsExactly(1L, -22L, 333L);
        assertThat(properties.isIgnored(333L)).isTrue();
        assertThat(properties.answersAutomatically(TestUsers.user(333L, "Игнор", null, null))).isFalse();
        // items are used verbatim: the space after the comma stays part of the name
        assertThat(properties.addressingWords()).containsExactly("батон", "булка", " bun");
    }

    @Test
    void springPropertiesWinOverTheOriginalVariables() {
        BotProperties properties = bind(Map.of("BOT_NAME", "Батон", "bread-bot.bot.name", "Булка"));
        assertThat(properties.name()).isEqualTo("Булка");
    }

    @Test
    void emptyAlternativeNamesAreSkipped() {
        BotProperties properties = TestBotProperties.of("Хлеб", ",,bun,", 4096, List.of());
        assertThat(properties.addressingWords()).containsExactly("хлеб", "bun");
    }
}

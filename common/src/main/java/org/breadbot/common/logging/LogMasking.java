package org.breadbot.common.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import java.util.List;
import org.breadbot.common.secret.Secrets;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Masks secrets in every log line of every bread-bot service, whatever the format (plain text or Boot's structured
 * JSON) and wherever the text came from (a message, an argument, an exception). It runs right after Boot has set up
 * logging: it registers the configured secrets with {@link Secrets} and wraps the encoder of each appender with a
 * {@link MaskingEncoder}. Registered in common's {@code META-INF/spring.factories}.
 */
public final class LogMasking implements GenericApplicationListener {

    /** Properties whose values are secrets (the environment variables of architecture §5 map onto them). */
    static final List<String> SECRET_PROPERTIES = List.of(
            "telegram.api.bot-token",
            "bread-bot.ingress.webhook.secret",
            "bread-bot.ingress.webhook.previous-secret",
            "spring.r2dbc.password",
            "spring.liquibase.password",
            "spring.datasource.password",
            "bread-bot.integrations.openai.key");

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return eventType.isAssignableFrom(ApplicationEnvironmentPreparedEvent.class);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            registerSecrets(prepared.getEnvironment());
            install();
        }
    }

    /** Just after Boot's logging set-up, which replaces the appenders. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    private static List<String> names() {
        return java.util.stream.Stream.concat(SECRET_PROPERTIES.stream(), Secrets.VARIABLES.stream()).toList();
    }

    static void registerSecrets(ConfigurableEnvironment environment) {
        for (String name : names()) {
            try {
                Secrets.register(environment.getProperty(name));
            } catch (RuntimeException unresolvable) {
                // a placeholder without default: nothing configured to mask
            }
        }
    }

    /** Wraps every output appender of the logback context; appenders already wrapped are left alone. */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                    wrap(appender);
                }
            }
        }
    }

    private static void wrap(OutputStreamAppender<ILoggingEvent> appender) {
        Encoder<ILoggingEvent> encoder = appender.getEncoder();
        if (encoder == null || encoder instanceof MaskingEncoder) {
            return;
        }
        MaskingEncoder masking = new MaskingEncoder(encoder);
        masking.setContext(appender.getContext());
        masking.start();
        appender.setEncoder(masking);
    }
}

package org.breadbot.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps the standalone's start to one screen. The embedded broker, PostgreSQL, Liquibase, Spring and the Kafka clients
 * log thousands of INFO lines while starting (3,155 before this); a newcomer needs the banner. They log at WARN
 * unless {@code --verbose} (or {@code BREAD_BOT_VERBOSE=true}) is given, so warnings and errors still show in full.
 * Any {@code LOGGING_LEVEL_*} setting wins over these levels, which are Spring defaults of the lowest precedence.
 */
final class QuietLogging {

    /** The loggers that are chatty at INFO while the bot starts. */
    static final List<String> CHATTY = List.of(
            "org.apache.kafka", "kafka", "state.change.logger", "io.zonky", "org.springframework", "liquibase",
            "reactor", "io.netty", "org.hibernate.validator", "org.breadbot.common.kafka");

    private QuietLogging() {
    }

    static boolean verbose(Map<String, String> env, String... args) {
        return Arrays.asList(args).contains("--verbose") || "true".equalsIgnoreCase(env.get("BREAD_BOT_VERBOSE"));
    }

    /**
     * Quietens the chatty loggers now, before any Spring context exists: the embedded broker and database start
     * first, while Logback still has its default configuration.
     */
    static void applyBeforeSpring(boolean verbose) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (verbose || !(factory instanceof LoggerContext context)) {
            return;
        }
        CHATTY.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }

    /**
     * The same levels as Spring default properties: every Spring context configures logging afresh from its own
     * environment when it starts, so the levels set before it would not survive. Spring's startup lines
     * ("Starting ...", "Started ... in") go too; the {@link StartupBanner} says it once.
     */
    static Map<String, Object> springDefaults(boolean verbose) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!verbose) {
            CHATTY.forEach(name -> defaults.put("logging.level." + name, "WARN"));
            defaults.put("spring.main.log-startup-info", "false");
        }
        return defaults;
    }
}

package org.breadbot.common.secret;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text before it reaches a log, an exception, a header, a health detail or a tool's output:
 * anything shaped like a bot token, plus every secret this JVM was configured with (bot token, webhook secret,
 * database password, OpenAI key), registered at start-up by {@code LogMasking} or the tool that read them. A
 * registered secret is masked wherever it occurs, even when it looks like an ordinary word.
 */
public final class Secrets {

    /**
     * A token in a Bot API URL path, or a bare token ({@code <bot id>:<secret>}). The id is matched from the start of
     * its digit run only, and possessively: otherwise a long run of digits without a colon is scanned again from
     * each of its positions, in time quadratic in its length.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(bot)?(?<!\\d)\\d{3,}+:[A-Za-z0-9_-]{20,}");

    public static final String MASK = "***";

    /**
     * Shorter values would mask fragments of ordinary text everywhere, and no secret worth the name is this short;
     * the documentation asks for generated ones ({@code openssl rand -hex 32}).
     */
    static final int MIN_LENGTH = 6;

    /** The development default of {@code DB_PASSWORD}, which is also the database and user name: no secret. */
    private static final String DEV_DEFAULT = "bread_bot";

    /** The environment variables of architecture §5 that hold secrets. */
    public static final List<String> VARIABLES = List.of(
            "TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "BREAD_BOT_INGRESS_WEBHOOK_PREVIOUS_SECRET",
            "DB_PASSWORD", "OPENAI_TOKEN");

    private static final Set<String> REGISTERED = new CopyOnWriteArraySet<>();

    private Secrets() {
    }

    /** Masks {@code secret} from now on, in this JVM; blank, too short or default values are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_LENGTH && !secret.strip().equals(DEV_DEFAULT)) {
            REGISTERED.add(secret.strip());
        }
    }

    /** Registers the secrets among {@link #VARIABLES}: for tools that read the environment without Spring. */
    public static void registerEnvironment(Map<String, String> env) {
        VARIABLES.forEach(name -> register(env.get(name)));
    }

    /** The text with every bot token and every registered secret replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        return text == null ? null : mask((CharSequence) text);
    }

    /** {@link #mask(String)} of any text, in time linear in its length (times the number of registered secrets). */
    public static String mask(CharSequence text) {
        String masked = TOKEN.matcher(text).replaceAll(match -> match.group(1) == null ? MASK : "bot" + MASK);
        for (String secret : REGISTERED) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** The text with {@code secret} (when set) and everything {@link #mask(String)} masks replaced. */
    public static String mask(String text, String secret) {
        String masked = mask(text);
        if (masked == null || secret == null || secret.isEmpty()) {
            return masked;
        }
        return masked.replace(secret, MASK);
    }
}

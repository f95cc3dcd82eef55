package org.breadbot.common.logging;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.breadbot.common.secret.Secrets;

/**
 * What log output must never show: anything shaped like a bot token ({@link Secrets#mask}), plus the configured
 * secrets of this JVM (webhook secret, database password), registered at start-up by {@link LogMasking}.
 */
public final class LogSecrets {

    /** Shorter values would mask ordinary words; no real secret is this short. */
    static final int MIN_LENGTH = 8;

    /** The development default of {@code DB_PASSWORD}, which is also the database and user name: no secret. */
    private static final String DEV_DEFAULT = "bread_bot";

    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private LogSecrets() {
    }

    /** Masks {@code secret} in all log output from now on; short, blank or default values are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_LENGTH && !secret.equals(DEV_DEFAULT)) {
            SECRETS.add(secret.strip());
        }
    }

    /** The text with bot tokens and registered secrets replaced by {@link Secrets#MASK}; the same instance if none. */
    public static String mask(String text) {
        String masked = Secrets.mask(text);
        for (String secret : SECRETS) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, Secrets.MASK);
            }
        }
        return masked;
    }
}

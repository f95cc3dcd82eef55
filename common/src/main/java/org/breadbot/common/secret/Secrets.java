package org.breadbot.common.secret;

import java.util.regex.Pattern;

/** Masks bot tokens in any text before it reaches a log, an exception or a header. */
public final class Secrets {

    /** A token in a Bot API URL path, or a bare token ({@code <bot id>:<secret>}). */
    private static final Pattern TOKEN = Pattern.compile(
            "(bot)?\\d{3,}:[A-Za-z0-9_-]{20,}");

    public static final String MASK = "***";

    private Secrets() {
    }

    /** The text with every bot token replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return TOKEN.matcher(text).replaceAll(match -> match.group(1) == null ? MASK : "bot" + MASK);
    }

    /** The text with {@code secret} (when set) and every bot token masked. */
    public static String mask(String text, String secret) {
        String masked = mask(text);
        if (masked == null || secret == null || secret.isEmpty()) {
            return masked;
        }
        return masked.replace(secret, MASK);
    }
}

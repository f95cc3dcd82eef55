package org.breadbot.common.secret;

import java.util.regex.Pattern;

/** Masks bot tokens in any text before it reaches a log, an exception or a header. */
public final class Secrets {

    /**
     * A token in a Bot API URL path, or a bare token ({@code <bot id>:<secret>}). The id is matched from the start of
     * its digit run only, and possessively: otherwise a long run of digits without a colon is scanned again from
     * each of its positions, in time quadratic in its length.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(bot)?(?<!\\d)\\d{3,}+:[A-Za-z0-9_-]{20,}");

    public static final String MASK = "***";

    private Secrets() {
    }

    /** The text with every bot token replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        return text == null ? null : mask((CharSequence) text);
    }

    /** {@link #mask(String)} of any text, in time linear in its length. */
    public static String mask(CharSequence text) {
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

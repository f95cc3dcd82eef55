package org.breadbot.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The shapes of hostile input every endpoint and consumer is tried with (issue "no chat can stop another", item 8),
 * as pieces of JSON to put where a test's own record or update has a value: deep nesting, a number of thousands of
 * digits, invalid UTF-8, a lone surrogate, and a Telegram-sized run of white space.
 */
public final class HostileInput {

    /** Levels of nesting past every parser's limit. */
    public static final int DEEP = 10_000;
    /** Digits of a number longer than any id. */
    public static final int LONG_NUMBER = 5_000;
    /** A JSON string escape of a lone high surrogate: valid JSON, not valid Unicode. */
    public static final String LONE_SURROGATE = "\\ud800";
    /** Where {@link #withInvalidUtf8} puts a byte sequence that is no UTF-8. */
    public static final String INVALID_UTF8 = "@@INVALID_UTF8@@";

    private HostileInput() {
    }

    /** {@code [[[...]]]}, {@code depth} levels deep. */
    public static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A positive integer of {@code count} digits. */
    public static String digits(int count) {
        return "9".repeat(count);
    }

    /** Telegram's longest text, 4,096 characters, made of spaces, tabs, line breaks and no-break spaces. */
    public static String whitespace() {
        return " \t\n\u00a0".repeat(1024);
    }

    /** The JSON's bytes, with {@link #INVALID_UTF8} replaced by {@code 0xC3 0x28} (a lead byte without its tail). */
    public static byte[] withInvalidUtf8(String json) {
        int at = json.indexOf(INVALID_UTF8);
        if (at < 0) {
            throw new IllegalArgumentException("no " + INVALID_UTF8 + " in the JSON");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes(json.substring(at + INVALID_UTF8.length()).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}

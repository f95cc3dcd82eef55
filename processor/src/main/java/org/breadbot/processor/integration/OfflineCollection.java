package org.breadbot.processor.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A small collection of texts shipped with the bot (fortune format: entries separated by lines holding only
 * {@code %}), answered when a provider cannot be reached, so a bot without internet still answers (issue 4). The
 * texts are the project's own or Russian proverbs, and their attribution lines say so.
 */
final class OfflineCollection {

    private final List<String> entries;
    private final IntUnaryOperator choose;

    private OfflineCollection(List<String> entries, IntUnaryOperator choose) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("An offline collection needs at least one entry");
        }
        this.entries = List.copyOf(entries);
        this.choose = choose;
    }

    /** Reads {@code classpath:offline/<name>.txt}; {@code choose} picks a uniform index in [0, bound). */
    static OfflineCollection load(String name, IntUnaryOperator choose) {
        String resource = "/offline/" + name + ".txt";
        try (InputStream in = OfflineCollection.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new OfflineCollection(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), choose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.strip().equals("%")) {
                add(entries, entry);
                entry.setLength(0);
            } else if (!line.startsWith("#")) {
                entry.append(line).append('\n');
            }
        }
        add(entries, entry);
        return entries;
    }

    private static void add(List<String> entries, StringBuilder entry) {
        String text = entry.toString().strip();
        if (!text.isEmpty()) {
            entries.add(text);
        }
    }

    String random() {
        return entries.get(choose.applyAsInt(entries.size()));
    }

    List<String> entries() {
        return entries;
    }
}

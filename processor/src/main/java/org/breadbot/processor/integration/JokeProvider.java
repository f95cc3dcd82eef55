package org.breadbot.processor.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import reactor.core.publisher.Mono;

/**
 * A random joke from a baneks-style site (spec §8.2): page {@code /<n>} with n uniform in 1..1142, the text of
 * the first paragraph of the first {@code <article>}. Line breaks inside the paragraph are kept.
 */
final class JokeProvider {

    /** The pages the original chose from. */
    static final int PAGES = 1142;

    private final ResilientHttp http;
    private final IntSupplier page;

    /** {@code page} gives the page number to ask for, 1..{@link #PAGES}. */
    JokeProvider(ResilientHttp http, IntSupplier page) {
        this.http = http;
        this.page = page;
    }

    Mono<Fetched<String>> random() {
        int number = page.getAsInt();
        return http.call(client -> client.get()
                        .uri("/{page}", number)
                        .header("Accept", "*/*"),
                JokeProvider::parse);
    }

    static String parse(String html) {
        Element article = Jsoup.parse(html).selectFirst("article");
        Element paragraph = article == null ? null : article.selectFirst("p");
        if (paragraph == null) {
            throw new GarbageException("no <article> with a <p>");
        }
        String text = tidy(paragraph.wholeText());
        if (text.isEmpty()) {
            throw new GarbageException("empty joke");
        }
        return text;
    }

    /** Lines trimmed, runs of blank lines and the HTML source's own line breaks folded into the text's. */
    private static String tidy(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace('\u00a0', ' ').split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return String.join("\n", lines);
    }
}

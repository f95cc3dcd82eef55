package org.breadbot.processor.command;

import org.breadbot.processor.bot.AnswerSplitter;
import org.breadbot.processor.bot.BotProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One page of a long list, taken from the list's lines as they stream in, so that neither the list nor more than
 * the page is ever held, and the lines after the page are not read (the stream is cancelled once it is known
 * whether a next page exists). Pages are cut as {@link AnswerSplitter} cuts a long answer: lines packed greedily
 * into at most {@code limit} characters, a longer line cut into pieces.
 */
final class Pages {

    private Pages() {
    }

    /**
     * Page {@code wanted} (from 1) of the lines.
     *
     * @param text    the page's lines joined by line breaks, or null when the list has fewer pages
     * @param hasNext whether a page follows
     * @param total   how many pages the list has, known only when {@code text} is null (the whole list was read)
     */
    record Page(String text, boolean hasNext, int total) {

        boolean exists() {
            return text != null;
        }
    }

    /** Room kept on a page for its header and footer. */
    static final int FRAME = 200;

    /** The page number a bare listing command was given ({@code покажи бред 2}), 1 when none. */
    static int number(String rest) {
        String text = Texts.strip(rest);
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(text));
    }

    /** Room for the lines of a page whose footer names the command to the next page. */
    static int budget(BotProperties properties, String command) {
        return Math.max(1, properties.messageLenLimit() - FRAME - properties.name().length() - command.length());
    }

    /**
     * The message showing a page: only the lines when the list fits one page (with the title first, if any);
     * else {@code <title> (страница N):}, the lines, and how to ask for the next one.
     *
     * @param title   the list's title, or null for none
     * @param none    what to say when the list is empty
     * @param command the command that shows the list, with the bot's name: the next page is it and a number
     */
    static String render(Page page, int wanted, String title, String none, String command) {
        if (!page.exists()) {
            return page.total() == 0 ? none : "Нет такой страницы, всего страниц: " + page.total();
        }
        if (wanted == 1 && !page.hasNext()) {
            return title == null ? page.text() : title + ":\n" + page.text();
        }
        String text = (title == null ? "Страница " + wanted : title + " (страница " + wanted + ")") + ":\n"
                + page.text();
        return page.hasNext() ? text + "\n\nДальше: " + command + " " + (wanted + 1) : text;
    }

    static Mono<Page> page(Flux<String> lines, int wanted, int limit) {
        return Mono.defer(() -> {
            Cutter cutter = new Cutter(wanted, limit);
            return lines.takeUntil(cutter::add).then(Mono.fromSupplier(cutter::page));
        });
    }

    /** Counts pages as lines come and keeps the wanted page's text. */
    private static final class Cutter {

        private final int wanted;
        private final int limit;
        private final StringBuilder text = new StringBuilder();
        private int page = 1;
        private int length;
        private boolean next;

        Cutter(int wanted, int limit) {
            this.wanted = wanted;
            this.limit = limit;
        }

        /** Takes the next line; true once a piece of the page after the wanted one was seen. */
        boolean add(String line) {
            for (String piece : AnswerSplitter.cut(line + "\n", limit)) {
                if (length > 0 && length + piece.length() > limit) {
                    page++;
                    length = 0;
                }
                if (page > wanted) {
                    next = true;
                    return true;
                }
                length += piece.length();
                if (page == wanted) {
                    text.append(piece);
                }
            }
            return false;
        }

        Page page() {
            if (page < wanted || text.isEmpty()) {
                return new Page(null, false, length > 0 ? page : page - 1);
            }
            return new Page(Texts.strip(text), next, -1);
        }
    }
}

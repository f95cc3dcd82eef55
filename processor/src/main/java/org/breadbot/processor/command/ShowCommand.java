package org.breadbot.processor.command;

import java.util.List;
import java.util.Locale;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code покажи триггеры|подстроки [filter] [page]}: what the chat has taught the bot, one key per line with its
 * answers, {@code key = [value1; value2]} as the original user guide shows it ([L] §4.3.1; [H] had disabled it).
 * Long lists come one page (one message) at a time instead of flooding the chat; a filter keeps the keys containing
 * it. Only the page asked for is read and held ({@link Pages}), however many answers the chat has, so its header
 * says which page it is but not how many there are.
 */
@Component
class ShowCommand implements ChatCommand {

    /** Each answer is cut to this many characters (the original's {@code SHOW_STR_LIMIT}). */
    static final int VALUE_LIMIT = 100;
    /**
     * Characters of a stored text read for its line: enough for {@link #VALUE_LIMIT} shown ones unless the text
     * starts with hundreds of line breaks and spaces, which then show as one space.
     */
    private static final int STORED_TEXT = 4 * VALUE_LIMIT;
    /** A page number has at most this many digits. */
    private static final int MAX_PAGE_DIGITS = 6;

    private final AnswerEntityStore entities;
    private final BotProperties properties;

    ShowCommand(AnswerEntityStore entities, BotProperties properties) {
        this.entities = entities;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SHOW;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.ParameterRest arguments = (Arguments.ParameterRest) context.arguments();
        Kind kind = Kind.of(arguments.parameter());
        Query query = Query.parse(arguments.rest());
        AnswerPack pack = context.message().pack();
        if (pack == null) {
            return Mono.just(context.reply(nothing(kind, query)));
        }
        Flux<String> lines = entities.shownInKeyOrder(pack.id(), arguments.parameter(), query.filter(), STORED_TEXT)
                .bufferUntilChanged(AnswerEntity::key)
                .map(ShowCommand::line);
        return Pages.page(lines, query.page(), pageBudget(query))
                .map(page -> context.reply(render(kind, query, page)));
    }

    /** Room for the lines of one page: the message less its header, footer and the filter they repeat. */
    private int pageBudget(Query query) {
        return Pages.budget(properties, query.filter());
    }

    /** {@code key = [value1; value2]}, the answers of one key in the order added. */
    private static String line(List<AnswerEntity> answers) {
        StringBuilder line = new StringBuilder(answers.get(0).key()).append(" = [");
        for (int i = 0; i < answers.size(); i++) {
            line.append(i == 0 ? "" : "; ").append(shown(answers.get(i)));
        }
        return line.append(']').toString();
    }

    private String render(Kind kind, Query query, Pages.Page page) {
        return Pages.render(page, query.page(), kind.title(), nothing(kind, query),
                Phrases.join(properties.name(), "покажи", kind.parameter(), query.filter()));
    }

    private static String nothing(Kind kind, Query query) {
        return query.filter().isEmpty()
                ? "В чате нет " + kind.genitive()
                : "Не найдено " + kind.genitive() + " с «" + query.filter() + "»";
    }

    /** A text on one line and cut; a medium by its kind (and a picture's caption). */
    static String shown(AnswerEntity entity) {
        return switch (entity.contentType()) {
            case TEXT -> cut(entity.value());
            case VOICE -> "<голосовое>";
            case PICTURE -> entity.description() == null || entity.description().isBlank()
                    ? "<картинка>" : "<картинка: " + cut(entity.description()) + ">";
            case ANIMATION -> "<гифка>";
            case VIDEO -> "<видео>";
            case VIDEO_NOTE -> "<видеосообщение>";
            case STICKER -> "<стикер>";
        };
    }

    private static String cut(String text) {
        String oneLine = Texts.oneLine(text);
        if (oneLine.codePointCount(0, oneLine.length()) <= VALUE_LIMIT) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, VALUE_LIMIT)) + "…";
    }

    /** What follows the parameter word: an optional filter, then an optional page number (from 1). */
    record Query(String filter, int page) {

        static Query parse(CharSequence rest) {
            int digits = rest.length();
            while (digits > 0 && rest.length() - digits < MAX_PAGE_DIGITS && isAsciiDigit(rest.charAt(digits - 1))) {
                digits--;
            }
            // a number of at most six digits, alone or after white space
            boolean numberAtEnd = digits < rest.length()
                    && (digits == 0 || Texts.isWhitespace(rest.charAt(digits - 1)));
            if (!numberAtEnd) {
                return new Query(rest.toString().toLowerCase(Locale.ROOT), 1);
            }
            String filter = Texts.strip(rest.subSequence(0, digits));
            return new Query(filter.toLowerCase(Locale.ROOT),
                    Math.max(1, Integer.parseInt(rest.subSequence(digits, rest.length()).toString())));
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    private enum Kind {
        TRIGGERS("Триггеры", "триггеров", "триггеры"),
        SUBSTRINGS("Подстроки", "подстрок", "подстроки");

        private final String title;
        private final String genitive;
        private final String parameter;

        Kind(String title, String genitive, String parameter) {
            this.title = title;
            this.genitive = genitive;
            this.parameter = parameter;
        }

        static Kind of(ReactionType type) {
            return type == ReactionType.TRIGGER ? TRIGGERS : SUBSTRINGS;
        }

        String title() {
            return title;
        }

        String genitive() {
            return genitive;
        }

        String parameter() {
            return parameter;
        }
    }
}

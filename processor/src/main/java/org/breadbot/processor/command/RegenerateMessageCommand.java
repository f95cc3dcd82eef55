package org.breadbot.processor.command;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.breadbot.common.telegram.Message;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.ChatDictionaries;
import org.breadbot.processor.morph.NonsenseGenerator;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.ContentType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code бред [N]} / {@code давай [N]} as a reply: rewrites the replied-to text or caption with the chat's
 * nonsense dictionary at scale N (spec §4.2.21, §6.3) and answers the rewritten message, even when nothing
 * changed.
 */
@Component
class RegenerateMessageCommand implements ChatCommand {

    static final String NOT_AN_INTEGER = "Коэффициент бреда должен быть целым числом от 1 до бесконечности";
    static final String BELOW_ONE = "Коэффициент бреда меньше 1";
    static final String NO_CAPTION = "У контента нет подписи";
    static final String UNSUPPORTED = "Тип контента не поддерживается";

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int MAX_LONG_DIGITS = 19;

    private final ChatDictionaries dictionaries;
    private final NonsenseGenerator generator;
    private final BotProperties properties;

    RegenerateMessageCommand(ChatDictionaries dictionaries, NonsenseGenerator generator, BotProperties properties) {
        this.dictionaries = dictionaries;
        this.generator = generator;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.REGENERATE_MESSAGE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (value.present() && !DIGITS.matcher(value.value()).matches()) {
            return Mono.just(CommandResult.error(NOT_AN_INTEGER));
        }
        long scale = value.present() ? scale(value.value()) : 1;
        if (scale < 1) {
            return Mono.just(CommandResult.error(BELOW_ONE));
        }
        Message original = context.repliedTo();
        Optional<ReplyContent> content = ReplyContent.of(original);
        if (content.isEmpty() || !isRewritable(content.get().type())) {
            return Mono.just(CommandResult.error(UNSUPPORTED));
        }
        String text = content.get().type() == ContentType.TEXT ? content.get().value() : content.get().description();
        if (text == null || text.isEmpty()) {
            return Mono.just(CommandResult.error(NO_CAPTION));
        }
        return dictionaries.of(context.message().chat())
                .map(dictionary -> dictionary.isEmpty() ? CommandResult.error(emptyDictionary(properties.name()))
                        : CommandResult.answers(Answer.text(context.message().chatId(),
                                generator.generate(text, scale, dictionary, context.message().budget()),
                                original.messageId())));
    }

    /** The "dictionary is empty" explanation, with the bot's name in the example. */
    static String emptyDictionary(String botName) {
        return "Словарь бреда пуст. Заполните его командой: " + botName + " добавь бред слово1, слово2, слово3. "
                + "После этого текст будет гибко меняться на добавленные слова";
    }

    /**
     * Any value from 4 up already tries every word, so a number beyond {@code long} is as good as the largest. Only
     * numbers of at most 19 significant digits are converted (a conversion of thousands of digits takes time
     * quadratic in their count).
     */
    private static long scale(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        String significant = digits.substring(first);
        if (significant.length() > MAX_LONG_DIGITS) {
            return Long.MAX_VALUE;
        }
        BigInteger scale = new BigInteger(significant);
        return scale.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : scale.longValueExact();
    }

    private static boolean isRewritable(ContentType type) {
        return type == ContentType.TEXT || type == ContentType.PICTURE || type == ContentType.VIDEO;
    }
}

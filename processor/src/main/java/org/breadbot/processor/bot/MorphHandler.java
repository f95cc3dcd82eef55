package org.breadbot.processor.bot;

import org.breadbot.processor.morph.NonsenseDictionary;
import org.breadbot.processor.morph.NonsenseGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The automatic nonsense reply (spec §2.5 handler 4, §6.4): with the chat's {@code процент бреда}, rewrites the
 * message's text, or its caption, at scale 1 and answers it. Runs on edits too and needs no answer pack. Passes
 * for ignored senders, messages without text and caption, an empty dictionary, a failed chance, and a rewrite
 * that changed nothing (line breaks aside).
 *
 * <p>The dictionary is looked at before the chance is drawn, so chats without a dictionary (most) never use up a
 * random number here; a chance of 0 means never. The dictionary comes from memory unless it changed
 * ({@link ChatDictionaries}).
 */
@Component
@Order(ChainHandler.MORPH)
class MorphHandler implements ChainHandler {

    private final ChatDictionaries dictionaries;
    private final NonsenseGenerator generator;
    private final BotProperties properties;
    private final RandomSource random;

    MorphHandler(ChatDictionaries dictionaries, NonsenseGenerator generator, BotProperties properties,
            RandomSource random) {
        this.dictionaries = dictionaries;
        this.generator = generator;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        String source = textOrCaption(context);
        int chance = context.chat().morphAnswerChance();
        if (!properties.answersAutomatically(context.sender()) || source.isEmpty() || chance <= 0) {
            return Mono.just(HandlerResult.pass());
        }
        return dictionaries.of(context.chat())
                .map(dictionary -> dictionary.isEmpty() || !chanceAllows(chance)
                        ? HandlerResult.pass()
                        : rewrite(source, dictionary, context));
    }

    private HandlerResult rewrite(String source, NonsenseDictionary dictionary, MessageContext context) {
        String nonsense = generator.generate(source, 1, dictionary, context.budget());
        return nonsense.equals(NonsenseGenerator.unchanged(source)) ? HandlerResult.pass()
                : HandlerResult.answered(context.replyText(nonsense));
    }

    /** The original's gate, {@code random() <= chance / 100}, like the substring handler's. */
    private boolean chanceAllows(int chance) {
        return random.nextDouble() <= chance / 100.0;
    }

    private static String textOrCaption(MessageContext context) {
        String text = context.message().text();
        if (text != null && !text.isEmpty()) {
            return text;
        }
        String caption = context.message().caption();
        return caption == null ? "" : caption;
    }
}

package org.breadbot.processor.bot;

import java.util.List;
import org.breadbot.processor.morph.NonsenseGenerator;
import org.breadbot.processor.store.DictionaryStore;
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
 * random number here; a chance of 0 means never.
 */
@Component
@Order(ChainHandler.MORPH)
class MorphHandler implements ChainHandler {

    private final DictionaryStore dictionary;
    private final NonsenseGenerator generator;
    private final BotProperties properties;
    private final RandomSource random;

    MorphHandler(DictionaryStore dictionary, NonsenseGenerator generator, BotProperties properties,
            RandomSource random) {
        this.dictionary = dictionary;
        this.generator = generator;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        String source = textOrCaption(context);
        int chance = context.chat().morphAnswerChance();
        if (properties.isIgnored(context.sender().id()) || source.isEmpty() || chance <= 0) {
            return Mono.just(HandlerResult.pass());
        }
        return dictionary.words(context.chat().id())
                .map(words -> words.isEmpty() || !chanceAllows(chance)
                        ? HandlerResult.pass()
                        : rewrite(source, words, context));
    }

    private HandlerResult rewrite(String source, List<String> words, MessageContext context) {
        return generator.generate(source, 1, words)
                .filter(nonsense -> !nonsense.equals(NonsenseGenerator.unchanged(source)))
                .map(nonsense -> HandlerResult.answered(context.replyText(nonsense)))
                .orElseGet(HandlerResult::pass);
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

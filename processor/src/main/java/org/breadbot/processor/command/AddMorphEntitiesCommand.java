package org.breadbot.processor.command;

import java.time.LocalDateTime;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.DictionaryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code добавь бред w1, w2, …}: adds the words to the chat's nonsense dictionary (spec §4.2.25). A word the chat
 * already has, exactly as typed, is not added again; nor is a word repeated within the command (the original
 * stored such repeats twice, which only skewed the random choice).
 */
@Component
class AddMorphEntitiesCommand implements ChatCommand {

    private final DictionaryStore dictionary;
    private final Quotas quotas;
    private final RandomSource random;

    AddMorphEntitiesCommand(DictionaryStore dictionary, Quotas quotas, RandomSource random) {
        this.dictionary = dictionary;
        this.quotas = quotas;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.ADD_MORPH_ENTITIES;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.ValueList words = (Arguments.ValueList) context.arguments();
        long chat = context.message().chat().id();
        LocalDateTime now = context.now();
        return dictionary.existing(chat, words.values())
                .map(existing -> words.values().stream().distinct().filter(word -> !existing.contains(word)).toList())
                .flatMap(added -> quotas.words(chat, added)
                        .flatMap(refused -> refused.isPresent() ? Mono.just(CommandResult.error(refused.get()))
                                : Flux.fromIterable(added)
                                        .concatMap(word -> dictionary.add(chat, word, now))
                                        .then(Mono.fromSupplier(() -> context.reply(Replies.completion(random))))));
    }
}

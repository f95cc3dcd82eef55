package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.DictionaryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code удали бред <word>}: removes the word, exactly as typed, from the chat's nonsense dictionary (spec
 * §4.2.26); the completion phrase comes even when the word was not there. Without a word the user is told to give
 * one (the original crashed silently).
 */
@Component
class DeleteMorphEntityCommand implements ChatCommand {

    static final String NO_VALUE = "Необходимо указать слово для удаления";

    private final DictionaryStore dictionary;
    private final RandomSource random;

    DeleteMorphEntityCommand(DictionaryStore dictionary, RandomSource random) {
        this.dictionary = dictionary;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.DELETE_MORPH_ENTITY;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(CommandResult.error(NO_VALUE));
        }
        return dictionary.delete(context.message().chat().id(), value.value())
                .then(Mono.fromSupplier(() -> context.reply(Replies.completion(random))));
    }
}

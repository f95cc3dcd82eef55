package org.breadbot.processor.command;

import org.breadbot.processor.store.DictionaryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code покажи бред}: the chat's nonsense dictionary, one word per line, in the order added (spec §4.2.27). */
@Component
class ShowMorphEntitiesCommand implements ChatCommand {

    static final String NONE = "Не найдено слов";

    private final DictionaryStore dictionary;

    ShowMorphEntitiesCommand(DictionaryStore dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SHOW_MORPH_ENTITIES;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return dictionary.words(context.message().chat().id())
                .map(words -> context.reply(words.isEmpty() ? NONE : String.join("\n", words)));
    }
}

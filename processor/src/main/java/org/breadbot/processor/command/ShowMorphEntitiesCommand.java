package org.breadbot.processor.command;

import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.store.DictionaryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code покажи бред [страница]}: the chat's nonsense dictionary, one word per line, in the order added (spec
 * §4.2.27). A dictionary longer than a message comes one page at a time, and only that page is read
 * ({@link Pages}).
 */
@Component
class ShowMorphEntitiesCommand implements ChatCommand {

    static final String NONE = "Не найдено слов";

    private final DictionaryStore dictionary;
    private final BotProperties properties;

    ShowMorphEntitiesCommand(DictionaryStore dictionary, BotProperties properties) {
        this.dictionary = dictionary;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SHOW_MORPH_ENTITIES;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        int wanted = Pages.number(context.rest());
        return Pages.page(dictionary.wordsInOrder(context.message().chat().id()), wanted,
                        Pages.budget(properties, "покажи бред"))
                .map(page -> context.reply(Pages.render(page, wanted, null, NONE,
                        Phrases.join(properties.name(), "покажи бред"))));
    }
}

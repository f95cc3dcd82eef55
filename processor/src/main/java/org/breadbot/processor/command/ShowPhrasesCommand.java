package org.breadbot.processor.command;

import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.PhraseKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code покажи оскорбления} / {@code покажи ответы на редактирование}: the chat's phrases, numbered, in the order
 * added ([L] spec §4.3.1 {@code покажи}). A long list comes one page at a time ({@code покажи оскорбления 2}), and
 * only that page is read ({@link Pages}).
 */
@Component
class ShowPhrasesCommand implements ChatCommand {

    private final ChatPhraseStore phrases;
    private final BotProperties properties;

    ShowPhrasesCommand(ChatPhraseStore phrases, BotProperties properties) {
        this.phrases = phrases;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SHOW_PHRASES;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        PhraseKind kind = ChatPhrases.kind(context);
        int wanted = Pages.number(context.rest());
        String command = Phrases.join(properties.name(), context.rawCommand());
        Flux<String> lines = phrases.phrasesInOrder(context.message().chat().id(), kind)
                .index((number, phrase) -> (number + 1) + ") " + phrase.text());
        return Pages.page(lines, wanted, Pages.budget(properties, command))
                .map(page -> context.reply(Pages.render(page, wanted, ChatPhrases.title(kind), none(kind), command)));
    }

    private String none(PhraseKind kind) {
        String none = ChatPhrases.none(kind) + ", добавить: " + ChatPhrases.howToAdd(kind, properties.name());
        return kind == PhraseKind.EDIT_ANSWER ? none + "\nПока их нет, бот отвечает встроенными фразами" : none;
    }
}

package org.breadbot.processor.command;

import java.util.List;
import java.util.StringJoiner;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.store.ChatPhrase;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.PhraseKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code покажи оскорбления} / {@code покажи ответы на редактирование}: the chat's phrases, numbered, in the order
 * added ([L] spec §4.3.1 {@code покажи}). A long list is split into messages between lines.
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
        return phrases.phrases(context.message().chat().id(), kind)
                .map(all -> context.reply(render(kind, all)));
    }

    private String render(PhraseKind kind, List<ChatPhrase> all) {
        if (all.isEmpty()) {
            String none = ChatPhrases.none(kind) + ", добавить: " + ChatPhrases.howToAdd(kind, properties.name());
            return kind == PhraseKind.EDIT_ANSWER ? none + "\nПока их нет, бот отвечает встроенными фразами" : none;
        }
        StringJoiner lines = new StringJoiner("\n");
        lines.add(ChatPhrases.title(kind) + ":");
        for (int i = 0; i < all.size(); i++) {
            lines.add((i + 1) + ") " + all.get(i).text());
        }
        return lines.toString();
    }
}

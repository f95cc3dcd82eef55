package org.breadbot.processor.command;

import java.util.Locale;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.ChatPhrase;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.PhraseKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code удали оскорбление <text>} / {@code удали ответ на редактирование <text>}: removes the phrase, whatever its
 * letter case ([L] spec §4.3.1 {@code удали} of a list collection).
 */
@Component
class DeletePhraseCommand implements ChatCommand {

    static final String NOT_FOUND = "Такой фразы нет";

    private final ChatPhraseStore phrases;
    private final BotProperties properties;
    private final RandomSource random;

    DeletePhraseCommand(ChatPhraseStore phrases, BotProperties properties, RandomSource random) {
        this.phrases = phrases;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.DELETE_PHRASE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        PhraseKind kind = ChatPhrases.kind(context);
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(CommandResult.error("Необходимо указать текст: " + properties.name() + " "
                    + context.rawCommand() + " <текст>"));
        }
        long chat = context.message().chat().id();
        String wanted = value.value().toLowerCase(Locale.ROOT);
        return phrases.phrases(chat, kind)
                .map(all -> all.stream().filter(phrase -> phrase.text().toLowerCase(Locale.ROOT).equals(wanted))
                        .map(ChatPhrase::id).toList())
                .flatMap(ids -> phrases.delete(chat, ids))
                .map(deleted -> context.reply(deleted > 0 ? Replies.completion(random) : NOT_FOUND));
    }
}

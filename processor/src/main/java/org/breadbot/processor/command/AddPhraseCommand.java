package org.breadbot.processor.command;

import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.PhraseKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code добавь оскорбление <text>} / {@code добавь ответ на редактирование <text>}: the chat's own phrases for
 * {@code оскорби} and for edits ([L] spec §4.3.1 {@code добавь оскорбление}). Kept as typed; adding a phrase the chat
 * already has changes nothing.
 */
@Component
class AddPhraseCommand implements ChatCommand {

    private final ChatPhraseStore phrases;
    private final BotProperties properties;
    private final Quotas quotas;
    private final RandomSource random;

    AddPhraseCommand(ChatPhraseStore phrases, BotProperties properties, Quotas quotas, RandomSource random) {
        this.phrases = phrases;
        this.properties = properties;
        this.quotas = quotas;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.ADD_PHRASE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        PhraseKind kind = ChatPhrases.kind(context);
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(CommandResult.error("Необходимо указать текст: "
                    + ChatPhrases.howToAdd(kind, properties.name())));
        }
        if (value.value().codePointCount(0, value.value().length()) > ChatPhrases.MAX_LENGTH) {
            return Mono.just(CommandResult.error(ChatPhrases.TOO_LONG));
        }
        long chat = context.message().chat().id();
        return quotas.phrase(chat, kind)
                .flatMap(refused -> refused.isPresent() ? Mono.just(CommandResult.error(refused.get()))
                        : phrases.add(chat, kind, value.value(), context.now())
                                .thenReturn(context.reply(Replies.completion(random))));
    }
}

package org.breadbot.processor.command;

import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.PhraseKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code оскорби}: a random one of the chat's insults ({@code добавь оскорбление}); as a reply, aimed at the author of
 * the replied-to message, mentioned on the first line ([L] spec §4.3.3, scenario 120).
 */
@Component
class OffendCommand implements ChatCommand {

    private final ChatPhraseStore phrases;
    private final BotProperties properties;
    private final RandomSource random;

    OffendCommand(ChatPhraseStore phrases, BotProperties properties, RandomSource random) {
        this.phrases = phrases;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.OFFEND;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return phrases.phrases(context.message().chat().id(), PhraseKind.INSULT)
                .map(insults -> insults.isEmpty()
                        ? context.reply("Заполните базу оскорблений: "
                                + ChatPhrases.howToAdd(PhraseKind.INSULT, properties.name()))
                        : aimed(context, random.pick(insults).text()));
    }

    private static CommandResult aimed(CommandContext context, String insult) {
        Message replied = context.repliedTo();
        User target = replied == null ? null : replied.from();
        if (target == null) {
            return context.reply(insult);
        }
        MessageContext message = context.message();
        return CommandResult.answers(Mentions.mentionThen(target, insult, message.chatId(), message.messageId()));
    }
}

package org.breadbot.processor.command;

import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.MemberPool;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code all}, {@code channel}, {@code канал}: calls every active member of the chat (spec §4.2.15, §7); in a big
 * group the {@code quotas.mentions} most recently active ones (300: three messages, which Telegram's group limit
 * of 20 a minute lets through at once).
 */
@Component
class ChannelCommand implements ChatCommand {

    private final MemberPool pool;
    private final BotProperties properties;

    ChannelCommand(MemberPool pool, BotProperties properties) {
        this.pool = pool;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.CHANNEL;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return pool.members(context.message(), properties.quotas().mentions())
                .map(members -> new CommandResult.Answers(Mentions.of(members, context.message().chatId(),
                        context.message().messageId(), properties.messageLenLimit())));
    }
}

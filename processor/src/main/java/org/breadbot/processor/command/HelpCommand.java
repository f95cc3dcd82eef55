package org.breadbot.processor.command;

import org.breadbot.processor.bot.BotProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code help}, {@code help <alias>} (spec §4.2.19). */
@Component
class HelpCommand implements ChatCommand {

    // The registry collects this command, so it is looked up lazily.
    private final ObjectProvider<CommandRegistry> registry;
    private final BotProperties bot;

    HelpCommand(ObjectProvider<CommandRegistry> registry, BotProperties bot) {
        this.registry = registry;
        this.bot = bot;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.HELP;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        CommandRegistry commands = registry.getObject();
        if (context.rest().isEmpty()) {
            return Mono.just(context.reply(HelpRenderer.overview(commands.specs(), bot)));
        }
        String text = commands.specByAlias(context.rest())
                .map(command -> HelpRenderer.details(command, bot.name()))
                .orElseGet(() -> HelpRenderer.catalogue(commands.specs()));
        return Mono.just(context.reply(text));
    }
}

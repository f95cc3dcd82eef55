package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code вероятность}, {@code шанс}: a random percentage (spec §4.2.16). */
@Component
class ChanceCommand implements ChatCommand {

    private final RandomSource random;

    ChanceCommand(RandomSource random) {
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.CHANCE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        int percent = random.between(0, 100);
        return Mono.just(context.reply("Есть вероятность " + context.rest() + " - " + percent + "%"));
    }
}

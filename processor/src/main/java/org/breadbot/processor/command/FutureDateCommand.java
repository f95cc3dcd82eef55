package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code когда}, {@code когда будет} …: a random date from today up to about 82 years ahead (spec §4.2.17). */
@Component
class FutureDateCommand implements ChatCommand {

    private final RandomSource random;

    FutureDateCommand(RandomSource random) {
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.FUTURE_DATE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return Mono.just(context.reply(RandomDates.answer(context, random, true)));
    }
}

package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code когда был}, {@code когда произошли} …: a random date from today back to about 82 years ago (spec §4.2.17). */
@Component
class PastDateCommand implements ChatCommand {

    private final RandomSource random;

    PastDateCommand(RandomSource random) {
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.PAST_DATE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return Mono.just(context.reply(RandomDates.answer(context, random, false)));
    }
}

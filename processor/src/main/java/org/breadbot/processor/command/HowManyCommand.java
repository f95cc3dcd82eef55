package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code сколько <what>}: a random number from 0 to 1000 (spec §4.2.18). */
@Component
class HowManyCommand implements ChatCommand {

    static final int MAX = 1000;

    private final RandomSource random;

    HowManyCommand(RandomSource random) {
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.HOW_MANY;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        int count = random.between(0, MAX);
        String what = Texts.strip(context.rest().replace("?", ""));
        return Mono.just(context.reply(what.isEmpty() ? Integer.toString(count) : what + " - " + count));
    }
}

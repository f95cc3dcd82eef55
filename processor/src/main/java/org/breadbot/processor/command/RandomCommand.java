package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code рандом} / {@code цифры} / {@code цифри}: a uniform random integer from 0 to 10000, the range of [H]'s
 * unreachable RANDOM command (spec §4.1.1); [L] had the aliases (§4.3.3).
 */
@Component
class RandomCommand implements ChatCommand {

    static final int MAX = 10_000;

    private final RandomSource random;

    RandomCommand(RandomSource random) {
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.RANDOM;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return Mono.just(context.reply(Integer.toString(random.between(0, MAX))));
    }
}

package org.breadbot.processor.command;

import org.breadbot.processor.bot.RandomSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code выбери}, {@code выбор}: one of the listed values (spec §4.2.20). */
@Component
class ChooseCommand implements ChatCommand {

    private final RandomSource random;

    ChooseCommand(RandomSource random) {
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.CHOOSE_VARIANT;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.ValueList list = (Arguments.ValueList) context.arguments();
        return Mono.just(context.reply(random.pick(list.values())));
    }
}

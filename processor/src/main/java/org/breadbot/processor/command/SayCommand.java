package org.breadbot.processor.command;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code скажи <text>}: the bot repeats the text (spec §4.2.9), only its first line like every command, and as
 * plain text, so nothing the user types can turn into formatting.
 */
@Component
class SayCommand implements ChatCommand {

    static final String NO_VALUE = "Необходимо указать параметром, что надо сказать";

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SAY;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        return Mono.just(context.reply(value.present() ? value.value() : NO_VALUE));
    }
}

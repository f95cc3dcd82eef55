package org.breadbot.processor.command;

import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code запомни key1, key2} as a reply: the replied-to content becomes a substring answer (spec §4.2.3). */
@Component
class RememberCommand implements ChatCommand {

    private final Remembering remembering;

    RememberCommand(Remembering remembering) {
        this.remembering = remembering;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.REMEMBER;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return remembering.remember(context, ReactionType.SUBSTRING);
    }
}

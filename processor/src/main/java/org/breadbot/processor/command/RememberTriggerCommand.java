package org.breadbot.processor.command;

import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code запомни триггер key} as a reply: the replied-to content becomes a trigger answer (spec §4.2.4). */
@Component
class RememberTriggerCommand implements ChatCommand {

    private final Remembering remembering;

    RememberTriggerCommand(Remembering remembering) {
        this.remembering = remembering;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.REMEMBER_TRIGGER;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return remembering.remember(context, ReactionType.TRIGGER);
    }
}

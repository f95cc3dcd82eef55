package org.breadbot.processor.command;

import reactor.core.publisher.Mono;

/**
 * One chat command. Implementations are Spring beans; {@link CommandRegistry} collects them. A command runs only
 * after its arguments parsed and, when {@link CommandSpec#replyRequired()}, the message is a reply.
 */
public interface ChatCommand {

    /** Usually one of {@link CommandCatalogue}'s rows. */
    CommandSpec spec();

    Mono<CommandResult> execute(CommandContext context);
}

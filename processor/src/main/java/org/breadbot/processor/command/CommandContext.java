package org.breadbot.processor.command;

import java.time.LocalDateTime;
import org.breadbot.common.telegram.Message;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.command.ParseResult.Parsed;

/**
 * A command invocation: the registered message and what the parser found.
 *
 * @param message the message after registration
 * @param parsed  the command, raw alias, rest text and arguments
 */
public record CommandContext(MessageContext message, Parsed parsed) {

    /** The trimmed rest of the line after the alias. */
    public String rest() {
        return parsed.rest();
    }

    /** The alias as typed, lower-cased. */
    public String rawCommand() {
        return parsed.rawCommand();
    }

    public Arguments arguments() {
        return parsed.arguments();
    }

    public LocalDateTime now() {
        return message.now();
    }

    /** The message the command message replies to, or null. */
    public Message repliedTo() {
        return message.message().repliedMessage();
    }

    /** A plain-text reply to the command message. */
    public CommandResult reply(String text) {
        return CommandResult.answers(message.replyText(text));
    }
}

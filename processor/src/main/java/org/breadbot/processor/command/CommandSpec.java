package org.breadbot.processor.command;

import java.util.List;

/**
 * What the parser and the help need to know about a command (spec §4.1.1, §4.2.19).
 *
 * @param name          a stable identifier, e.g. {@code WHO}
 * @param aliases       the words that invoke it, in declaration order (help shows them in this order)
 * @param shape         how its arguments are extracted
 * @param replyRequired whether the command message must reply to another message
 * @param description   the help description; empty for none
 * @param examples      help examples without the leading bot name
 */
public record CommandSpec(
        String name,
        List<String> aliases,
        ArgumentShape shape,
        boolean replyRequired,
        String description,
        List<String> examples) {

    public CommandSpec {
        if (aliases.isEmpty()) {
            throw new IllegalArgumentException("Command " + name + " has no alias");
        }
        aliases = List.copyOf(aliases);
        examples = List.copyOf(examples);
    }
}

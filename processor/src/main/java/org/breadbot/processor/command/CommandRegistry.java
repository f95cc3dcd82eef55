package org.breadbot.processor.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every command of the bot: the catalogue rows in declaration order, each backed by its {@link ChatCommand} bean
 * when one exists. Start-up fails when two commands claim the same alias or the same name.
 */
@Component
public class CommandRegistry {

    private final List<CommandSpec> specs;
    private final Map<String, ChatCommand> commands;
    private final Map<String, CommandSpec> byAlias;

    @Autowired
    CommandRegistry(List<ChatCommand> commands) {
        this(CommandCatalogue.all(), commands);
    }

    CommandRegistry(List<CommandSpec> catalogue, List<ChatCommand> commands) {
        this.commands = byName(commands);
        Map<String, CommandSpec> specsByName = new LinkedHashMap<>();
        catalogue.forEach(spec -> specsByName.put(spec.name(), spec));
        this.commands.values().forEach(command -> specsByName.put(command.spec().name(), command.spec()));
        this.specs = List.copyOf(specsByName.values());
        this.byAlias = byAlias(specs);
    }

    /** Every command in declaration order (help numbering, alias tie-break). */
    public List<CommandSpec> specs() {
        return specs;
    }

    /** The implementation, or empty for a recognised but not (yet) implemented command. */
    public Optional<ChatCommand> command(CommandSpec spec) {
        return Optional.ofNullable(commands.get(spec.name()));
    }

    /** The command with exactly this alias (case-sensitive, as help looks it up). */
    public Optional<CommandSpec> specByAlias(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    private static Map<String, ChatCommand> byName(List<ChatCommand> commands) {
        Map<String, ChatCommand> byName = new HashMap<>();
        for (ChatCommand command : commands) {
            ChatCommand previous = byName.putIfAbsent(command.spec().name(), command);
            if (previous != null) {
                throw new IllegalStateException("Command " + command.spec().name() + " is implemented twice: by "
                        + previous.getClass().getName() + " and " + command.getClass().getName());
            }
        }
        return byName;
    }

    private static Map<String, CommandSpec> byAlias(List<CommandSpec> specs) {
        Map<String, CommandSpec> byAlias = new HashMap<>();
        Map<String, CommandSpec> byLowerCase = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (CommandSpec spec : specs) {
            for (String alias : spec.aliases()) {
                CommandSpec previous = byLowerCase.putIfAbsent(alias.toLowerCase(Locale.ROOT), spec);
                if (previous != null) {
                    clashes.add("'" + alias + "' (" + previous.name() + ", " + spec.name() + ")");
                }
                byAlias.put(alias, spec);
            }
        }
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("Duplicate command aliases: " + String.join(", ", clashes));
        }
        return byAlias;
    }
}

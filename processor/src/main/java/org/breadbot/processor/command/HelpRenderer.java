package org.breadbot.processor.command;

import java.util.List;
import java.util.StringJoiner;
import org.breadbot.processor.bot.BotProperties;

/** The texts of {@code help} (spec §4.2.19), generated from the command table. */
final class HelpRenderer {

    /** The catalogue shows at most this many aliases per command. */
    private static final int ALIASES_IN_CATALOGUE = 3;
    private static final String INDENT = "   ";

    private HelpRenderer() {
    }

    /** Greeting, blank line, numbered catalogue. */
    static String overview(List<CommandSpec> commands, BotProperties bot) {
        return "Привет! Я " + bot.name() + ", бот этого чата. Еще меня можно звать так: " + bot.alterNames() + "\n"
                + "Чтобы узнать подробности о команде, напиши: " + bot.name() + " help <имя команды>\n"
                + "\n"
                + catalogue(commands);
    }

    /** One line per command: its number and its first three aliases. */
    static String catalogue(List<CommandSpec> commands) {
        StringJoiner lines = new StringJoiner("\n");
        for (int i = 0; i < commands.size(); i++) {
            List<String> aliases = commands.get(i).aliases();
            List<String> shown = aliases.subList(0, Math.min(ALIASES_IN_CATALOGUE, aliases.size()));
            lines.add((i + 1) + ") " + String.join(", ", shown));
        }
        return lines.toString();
    }

    /** Every alias, the description, argument hints and the examples of one command. */
    static String details(CommandSpec command, String botName) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add((command.aliases().size() > 1 ? "Команды" : "Команда")
                + ": [" + String.join(", ", command.aliases()) + "]");
        if (!command.description().isEmpty()) {
            lines.add(INDENT + "Описание: " + command.description());
        }
        switch (command.shape()) {
            case PARAMETER_KEY_VALUE -> {
                lines.add(INDENT + "Параметры: подстроку, подстроки, триггер, триггеры");
                lines.add(INDENT + "- Можно указать ключ и значение в виде: my_key=my_value");
            }
            case PARAMETER_REST -> lines.add(INDENT + "Параметры: подстроку, подстроки, триггер, триггеры");
            case OPTIONAL_VALUE -> lines.add(INDENT + "- Можно указать значение или ключ");
            case VALUE_LIST -> lines.add(INDENT + "- Можно указать список значений, перечисляя через ',' / 'или'");
            case BARE -> {
                // nothing to explain
            }
        }
        for (int i = 0; i < command.examples().size(); i++) {
            lines.add(INDENT + "Пример " + (i + 1) + ": " + botName + " " + command.examples().get(i));
        }
        return lines.toString();
    }
}

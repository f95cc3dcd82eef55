package org.breadbot.processor.command;

/** What the parser made of a message text (spec §3.1). */
public sealed interface ParseResult {

    /** The text does not start with an addressing word: the chain goes on. */
    record NotAddressed() implements ParseResult {
    }

    /** Addressed, but no alias follows: not an error, the chain goes on (spec §2.3). */
    record NoCommand() implements ParseResult {
    }

    /**
     * A recognised command.
     *
     * @param rawCommand the alias as matched, lower-cased
     * @param rest       the trimmed rest of the line after the alias
     */
    record Parsed(CommandSpec command, String rawCommand, String rest, Arguments arguments) implements ParseResult {
    }

    /** The command is known but its arguments are malformed; the user sees the kind's text (spec §3.5). */
    record ParseError(CommandSpec command, Kind kind) implements ParseResult {
    }

    /** The parse errors and their user-visible texts (spec §3.5). */
    enum Kind {
        PARAMETERS_NOT_FOUND("Параметры команды не найдены"),
        KEY_VALUE_NOT_FOUND("Ключ=значение не найдены"),
        WRONG_VALUES("Неверно введены значения");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}

package org.breadbot.processor.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.breadbot.processor.command.ParseResult.Kind;
import org.breadbot.processor.store.ReactionType;

/**
 * Turns a message text into a command (spec §2.3, §3). Every word is matched case-insensitively, as a whole word
 * (Cyrillic letters are word characters), longest first; after it at most one character other than a line break
 * and then at most one whitespace character are skipped, and the rest of that line, trimmed, is what follows.
 */
public final class CommandParser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Whole word, skip ≤1 non-newline character, skip ≤1 whitespace, capture the rest of the line. */
    private static final String TAIL = ")(?!\\w)[^\\n]?\\s?([^\\n]*)";

    /** Parameter words of {@code добавь} and {@code покажи} (spec §3.4). */
    private static final Map<String, ReactionType> PARAMETERS = Map.of(
            "подстроку", ReactionType.SUBSTRING,
            "подстроки", ReactionType.SUBSTRING,
            "триггер", ReactionType.TRIGGER,
            "триггеры", ReactionType.TRIGGER);

    private static final List<Word<ReactionType>> PARAMETER_WORDS = PARAMETERS.entrySet().stream()
            .sorted(Map.Entry.<String, ReactionType>comparingByKey(Comparator.comparingInt(String::length).reversed())
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(entry -> new Word<>(entry.getKey(), entry.getValue()))
            .toList();

    private final List<Word<Void>> addressingWords;
    private final List<Word<CommandSpec>> aliases;

    /**
     * @param addressingWords the bot's names (spec §2.3)
     * @param commands        every command in declaration order; alias ties in length keep this order
     */
    public CommandParser(List<String> addressingWords, List<CommandSpec> commands) {
        this.addressingWords = longestFirst(addressingWords.stream().map(word -> new Word<Void>(word, null)).toList());
        List<Word<CommandSpec>> declared = new ArrayList<>();
        for (CommandSpec command : commands) {
            for (String alias : command.aliases()) {
                declared.add(new Word<>(alias, command));
            }
        }
        this.aliases = longestFirst(declared);
    }

    public ParseResult parse(String text) {
        Match<Void> header = match(addressingWords, text);
        if (header == null) {
            return new ParseResult.NotAddressed();
        }
        Match<CommandSpec> alias = match(aliases, header.rest());
        if (alias == null) {
            return new ParseResult.NoCommand();
        }
        return arguments(alias.value(), alias.matched().toLowerCase(Locale.ROOT), alias.rest());
    }

    private static ParseResult arguments(CommandSpec command, String rawCommand, String rest) {
        return switch (command.shape()) {
            case BARE -> new ParseResult.Parsed(command, rawCommand, rest, new Arguments.None());
            case OPTIONAL_VALUE -> new ParseResult.Parsed(command, rawCommand, rest,
                    new Arguments.OptionalValue(rest.isEmpty() ? null : rest));
            case VALUE_LIST -> valueList(command, rawCommand, rest);
            case PARAMETER_KEY_VALUE -> keyValue(command, rawCommand, rest);
            case PARAMETER_REST -> parameterRest(command, rawCommand, rest);
        };
    }

    private static ParseResult valueList(CommandSpec command, String rawCommand, String rest) {
        List<String> values = ValueLists.split(rest);
        if (values.isEmpty()) {
            return new ParseResult.ParseError(command, Kind.WRONG_VALUES);
        }
        return new ParseResult.Parsed(command, rawCommand, rest, new Arguments.ValueList(values));
    }

    /**
     * Unlike the original, key and value are trimmed ({@code a = b} is key {@code a}, value {@code b}), as the
     * spec recommends (§4.2.2); a key or value that is empty after trimming is "wrong values".
     */
    private static ParseResult keyValue(CommandSpec command, String rawCommand, String rest) {
        Match<ReactionType> parameter = match(PARAMETER_WORDS, rest);
        if (parameter == null) {
            return new ParseResult.ParseError(command, Kind.PARAMETERS_NOT_FOUND);
        }
        String[] parts = parameter.rest().split("=", -1);
        if (parts.length != 2) {
            return new ParseResult.ParseError(command, Kind.KEY_VALUE_NOT_FOUND);
        }
        String key = Texts.strip(parts[0]);
        String value = Texts.strip(parts[1]);
        if (key.isEmpty() || value.isEmpty()) {
            return new ParseResult.ParseError(command, Kind.WRONG_VALUES);
        }
        return new ParseResult.Parsed(command, rawCommand, rest,
                new Arguments.KeyValue(parameter.value(), key, value));
    }

    private static ParseResult parameterRest(CommandSpec command, String rawCommand, String rest) {
        Match<ReactionType> parameter = match(PARAMETER_WORDS, rest);
        if (parameter == null) {
            return new ParseResult.ParseError(command, Kind.PARAMETERS_NOT_FOUND);
        }
        return new ParseResult.Parsed(command, rawCommand, rest,
                new Arguments.ParameterRest(parameter.value(), parameter.rest()));
    }

    private static <T> Match<T> match(List<Word<T>> words, String text) {
        for (Word<T> word : words) {
            Matcher matcher = word.pattern().matcher(text);
            if (matcher.lookingAt()) {
                return new Match<>(word.value(), matcher.group(1), Texts.strip(matcher.group(2)));
            }
        }
        return null;
    }

    /** Longest first; a stable sort, so equal lengths keep their declaration order. */
    private static <T> List<Word<T>> longestFirst(List<Word<T>> words) {
        return words.stream()
                .sorted(Comparator.comparingInt((Word<T> word) -> word.text().length()).reversed())
                .collect(Collectors.toUnmodifiableList());
    }

    private record Word<T>(String text, T value, Pattern pattern) {

        Word(String text, T value) {
            this(text, value, Pattern.compile("^(" + Pattern.quote(text) + TAIL, FLAGS));
        }
    }

    private record Match<T>(T value, String matched, String rest) {
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code docs/commands.md} read back: one {@code ### <number>. <NAME>} section per command, in help order, each with
 * an {@code Aliases:} line and an example exchange. Used to check the page against the command registry.
 */
final class CommandsDoc {

    /** Surefire and Failsafe run in the module directory. */
    static final Path PAGE = Path.of("..", "docs", "commands.md");
    private static final Pattern HEADING = Pattern.compile("(?m)^### (\\d+)\\. ([A-Z_]+)$");

    private final List<Section> sections;

    private CommandsDoc(List<Section> sections) {
        this.sections = sections;
    }

    static CommandsDoc read() {
        try {
            return parse(Files.readString(PAGE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("docs/commands.md is missing", e);
        }
    }

    static CommandsDoc parse(String page) {
        Matcher heading = HEADING.matcher(page);
        List<Section> sections = new ArrayList<>();
        int[] starts = heading.results().mapToInt(result -> result.start()).toArray();
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : page.length();
            String text = page.substring(starts[i], end);
            Matcher own = HEADING.matcher(text);
            own.lookingAt();
            sections.add(new Section(Integer.parseInt(own.group(1)), own.group(2), text));
        }
        return new CommandsDoc(sections);
    }

    /** Fails unless the page documents exactly these commands, numbered in this order, with exactly these aliases. */
    void assertDocuments(List<CommandSpec> commands) {
        assertThat(sections.stream().map(Section::name).toList())
                .as("commands documented in docs/commands.md, in help order")
                .containsExactlyElementsOf(commands.stream().map(CommandSpec::name).toList());
        for (int i = 0; i < commands.size(); i++) {
            CommandSpec command = commands.get(i);
            Section section = sections.get(i);
            assertThat(section.number()).as("help number of %s", command.name()).isEqualTo(i + 1);
            assertThat(section.text().lines()).as("aliases of %s", command.name())
                    .contains("Aliases: " + command.aliases().stream().map(alias -> "`" + alias + "`")
                            .collect(Collectors.joining(", ")));
            assertThat(section.text()).as("example exchange of %s", command.name()).containsPattern("(?m)^> ");
        }
    }

    record Section(int number, String name, String text) {
    }
}

package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code docs/commands.md} against the command table; {@link CommandsDocIT} checks the running registry. */
class CommandsDocTest {

    @Test
    void thePageDocumentsEveryCommandOfTheCatalogueWithAllItsAliases() {
        CommandsDoc.read().assertDocuments(CommandCatalogue.all());
    }

    @Test
    void aMissingAliasFailsTheCheck() {
        CommandSpec who = CommandCatalogue.WHO;
        CommandsDoc page = CommandsDoc.parse("### 1. WHO\n\nAliases: `кто`, `у кого`\n\n```\n> Хлеб кто\n```\n");
        assertThatThrownBy(() -> page.assertDocuments(List.of(who))).hasMessageContaining("aliases of WHO");
    }

    @Test
    void aMissingCommandFailsTheCheck() {
        CommandsDoc page = CommandsDoc.parse("### 1. TOP\n\nAliases: `топ`\n\n```\n> Хлеб топ\n```\n");
        assertThatThrownBy(() -> page.assertDocuments(List.of(CommandCatalogue.TOP, CommandCatalogue.COUPLE)))
                .hasMessageContaining("COUPLE");
    }

    @Test
    void aCommandWithoutExampleFailsTheCheck() {
        CommandsDoc page = CommandsDoc.parse("### 1. TOP\n\nAliases: `топ`, `top`\n");
        assertThatThrownBy(() -> page.assertDocuments(List.of(CommandCatalogue.TOP)))
                .hasMessageContaining("example exchange of TOP");
    }
}

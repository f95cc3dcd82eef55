package org.breadbot.processor.command;

import org.breadbot.processor.bot.BotScenarioSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code docs/commands.md} against the registry as the application builds it, so a command added by any bean (not
 * only a catalogue row) must be documented.
 */
class CommandsDocIT extends BotScenarioSupport {

    @Autowired
    private CommandRegistry registry;

    @Test
    void thePageDocumentsEveryRegisteredCommandAndAlias() {
        CommandsDoc.read().assertDocuments(registry.specs());
    }
}

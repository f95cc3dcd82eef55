package org.breadbot.processor.command;

import org.breadbot.processor.store.ChatSettingsStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code голосовые}: turns the voice answer to voice messages on or off for the chat ([L] spec §4.3.1). The voices
 * are the chat's own remembered ones, not [L]'s global list (docs/commands.md).
 */
@Component
class VoiceReactionCommand implements ChatCommand {

    static final String ON = "Включено реагирование на голосовые сообщения";
    static final String OFF = "Выключено реагирование на голосовые сообщения";

    private final ChatSettingsStore settings;

    VoiceReactionCommand(ChatSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.VOICE_REACTION;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return settings.toggleVoiceReactions(context.message().chat().id(), context.now())
                .map(on -> context.reply(on ? ON : OFF));
    }
}

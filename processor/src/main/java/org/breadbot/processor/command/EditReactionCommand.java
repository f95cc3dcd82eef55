package org.breadbot.processor.command;

import org.breadbot.processor.store.ChatSettingsStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code редактирование}: turns the reply to edited messages on or off in the chat ([L] spec §4.3.1, scenario 121). */
@Component
class EditReactionCommand implements ChatCommand {

    static final String ON = "Включено реагирование на редактирование сообщений";
    static final String OFF = "Выключено реагирование на редактирование сообщений";

    private final ChatSettingsStore settings;

    EditReactionCommand(ChatSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.EDIT_REACTION;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return settings.toggleEditReactions(context.message().chat().id(), context.now())
                .map(on -> context.reply(on ? ON : OFF));
    }
}

package org.breadbot.processor.command;

import java.util.List;
import java.util.Optional;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code удали} as a reply to an answer's content: that content is removed under every key (spec §4.2.5). Anyone in
 * the chat may delete, as anyone may teach (docs/commands.md, "Who may delete").
 */
@Component
class DeleteCommand implements ChatCommand {

    static final String NO_PACK = "У чата нет ни одного пакета под управлением";

    private final AnswerEntityStore entities;

    DeleteCommand(AnswerEntityStore entities) {
        this.entities = entities;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.DELETE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Optional<ReplyContent> content = ReplyContent.of(context.repliedTo());
        if (content.isEmpty()) {
            return Mono.just(CommandResult.error(ReplyContent.UNSUPPORTED));
        }
        AnswerPack pack = context.message().pack();
        if (pack == null) {
            return Mono.just(CommandResult.error(NO_PACK));
        }
        return entities.deleteWithContent(pack.id(), content.get().sameContent())
                .distinct()
                .collectList()
                .map(keys -> context.reply(deleted(keys)));
    }

    static String deleted(List<String> keys) {
        return "Удалено это значение для ключей: [" + Keys.listed(keys) + "]";
    }
}

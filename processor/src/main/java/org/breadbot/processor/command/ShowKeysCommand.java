package org.breadbot.processor.command;

import java.util.List;
import java.util.Optional;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code покажи ключи} as a reply: the keys the replied-to content answers to (spec §4.2.10). A chat without a pack
 * simply has no keys (the original crashed silently there; the spec recommends this answer).
 */
@Component
class ShowKeysCommand implements ChatCommand {

    static final String NO_KEYS = "Не найдено ключей на выбранный контент";

    private final AnswerEntityStore entities;

    ShowKeysCommand(AnswerEntityStore entities) {
        this.entities = entities;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SHOW_KEYS;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Optional<ReplyContent> content = ReplyContent.of(context.repliedTo());
        if (content.isEmpty()) {
            return Mono.just(CommandResult.error(ReplyContent.UNSUPPORTED));
        }
        AnswerPack pack = context.message().pack();
        if (pack == null) {
            return Mono.just(context.reply(NO_KEYS));
        }
        return entities.withContent(pack.id(), content.get().sameContent())
                .map(AnswerEntity::key)
                .distinct()
                .collectList()
                .map(keys -> context.reply(keys.isEmpty() ? NO_KEYS : list(keys)));
    }

    static String list(List<String> keys) {
        return "Перечень ключей на значение: [" + Keys.listed(keys) + "]";
    }
}

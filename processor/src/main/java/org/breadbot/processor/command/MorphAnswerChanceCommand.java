package org.breadbot.processor.command;

import java.util.OptionalInt;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.ChatStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code процент бреда [N]}: shows or sets the chat's chance of spontaneous nonsense (spec §4.2.7). */
@Component
class MorphAnswerChanceCommand implements ChatCommand {

    private final ChatStore chats;
    private final RandomSource random;

    MorphAnswerChanceCommand(ChatStore chats, RandomSource random) {
        this.chats = chats;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.MORPH_ANSWER_CHANCE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(context.reply(Integer.toString(context.message().chat().morphAnswerChance())));
        }
        OptionalInt percent = Percentages.parse(value.value());
        if (percent.isEmpty()) {
            return Mono.just(CommandResult.error(Percentages.INVALID));
        }
        return chats.setMorphAnswerChance(context.message().chat().id(), percent.getAsInt(), context.now())
                .thenReturn(context.reply(Replies.completion(random)));
    }
}

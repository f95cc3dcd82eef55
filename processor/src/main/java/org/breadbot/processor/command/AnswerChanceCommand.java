package org.breadbot.processor.command;

import java.util.OptionalInt;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.AnswerPackStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code процент [N]}: shows or sets the pack's substring answer chance (spec §4.2.6). Creates the pack when the
 * chat has none, like the original, so the answer is always a number.
 */
@Component
class AnswerChanceCommand implements ChatCommand {

    private final AnswerPackStore packs;
    private final RandomSource random;

    AnswerChanceCommand(AnswerPackStore packs, RandomSource random) {
        this.packs = packs;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.ANSWER_CHANCE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        MessageContext message = context.message();
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        return packs.defaultPackOrCreate(message.chat().id(), message.now())
                .flatMap(pack -> value.present() ? set(pack, value.value(), context) : show(pack, context));
    }

    private static Mono<CommandResult> show(AnswerPack pack, CommandContext context) {
        return Mono.just(context.reply(Integer.toString(pack.answerChance())));
    }

    private Mono<CommandResult> set(AnswerPack pack, String text, CommandContext context) {
        OptionalInt percent = Percentages.parse(text);
        if (percent.isEmpty()) {
            return Mono.just(CommandResult.error(Percentages.INVALID));
        }
        return packs.setAnswerChance(pack.id(), percent.getAsInt(), context.now())
                .thenReturn(context.reply(Replies.completion(random)));
    }
}

package org.breadbot.processor.command;

import java.util.List;
import java.util.Locale;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.EntityAnswers;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.bot.SubstringMatcher;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code проверь <text>}: answers as if {@code <text>} had been sent, with no answer chance (spec §4.2.8). Triggers
 * are checked first, then substrings: the help promises both, although the original only looked at substrings
 * (docs/commands.md). Like the automatic answers, it finds nothing for an ignored user.
 */
@Component
class CheckAnswerCommand implements ChatCommand {

    static final String NO_VALUE = "Необходимо указать параметром, что надо искать";
    static final String NOTHING_FOUND = "Ничего не было найдено";

    private final AnswerEntityStore entities;
    private final SubstringMatcher substrings;
    private final BotProperties properties;
    private final RandomSource random;

    CheckAnswerCommand(AnswerEntityStore entities, SubstringMatcher substrings, BotProperties properties,
            RandomSource random) {
        this.entities = entities;
        this.substrings = substrings;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.CHECK_ANSWER;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(context.reply(NO_VALUE));
        }
        MessageContext message = context.message();
        AnswerPack pack = message.pack();
        if (pack == null || properties.isIgnored(message.sender().id())) {
            return Mono.just(context.reply(NOTHING_FOUND));
        }
        return triggerAnswers(pack, value.value())
                .filter(answers -> !answers.isEmpty())
                .switchIfEmpty(Mono.defer(() -> substrings.answersFor(pack, value.value(),
                        context.message().budget())))
                .map(answers -> answerWithOneOf(answers, context));
    }

    private Mono<List<AnswerEntity>> triggerAnswers(AnswerPack pack, String text) {
        return entities.byKey(pack.id(), ReactionType.TRIGGER, text.toLowerCase(Locale.ROOT)).collectList();
    }

    private CommandResult answerWithOneOf(List<AnswerEntity> answers, CommandContext context) {
        if (answers.isEmpty()) {
            return context.reply(NOTHING_FOUND);
        }
        AnswerEntity chosen = random.pick(answers);
        MessageContext message = context.message();
        return CommandResult.answers(EntityAnswers.toAnswer(chosen, message.chatId(), message.messageId()));
    }
}

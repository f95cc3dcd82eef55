package org.breadbot.processor.command;

import java.util.Locale;
import java.util.Optional;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPackStore;
import org.breadbot.processor.store.NewAnswer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code добавь подстроку|триггер key=value}: a text answer (spec §4.2.2). */
@Component
class AddCommand implements ChatCommand {

    private final AnswerPackStore packs;
    private final AnswerEntityStore entities;
    private final RandomSource random;

    AddCommand(AnswerPackStore packs, AnswerEntityStore entities, RandomSource random) {
        this.packs = packs;
        this.entities = entities;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.ADD;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.KeyValue keyValue = (Arguments.KeyValue) context.arguments();
        String key = keyValue.key().toLowerCase(Locale.ROOT);
        Optional<String> problem = Keys.problem(key, keyValue.parameter());
        if (problem.isPresent()) {
            return Mono.just(CommandResult.error(problem.get()));
        }
        NewAnswer answer = NewAnswer.text(key, keyValue.value(), keyValue.parameter());
        return store(context.message(), answer).thenReturn(context.reply(Replies.completion(random)));
    }

    /** An identical answer already stored is not added again; the user is acknowledged either way. */
    private Mono<Boolean> store(MessageContext message, NewAnswer answer) {
        return packs.defaultPackOrCreate(message.chat().id(), message.now())
                .flatMap(pack -> entities.insertIfAbsent(pack.id(), answer, message.now()));
    }
}

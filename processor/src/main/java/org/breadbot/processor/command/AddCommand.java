package org.breadbot.processor.command;

import java.util.List;
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
    private final Quotas quotas;
    private final RandomSource random;

    AddCommand(AnswerPackStore packs, AnswerEntityStore entities, Quotas quotas, RandomSource random) {
        this.packs = packs;
        this.entities = entities;
        this.quotas = quotas;
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
        Optional<String> problem = Keys.problem(key, keyValue.parameter()).or(() -> quotas.value(keyValue.value()));
        if (problem.isPresent()) {
            return Mono.just(CommandResult.error(problem.get()));
        }
        NewAnswer answer = NewAnswer.text(key, keyValue.value(), keyValue.parameter());
        return store(context.message(), answer)
                .map(refused -> refused.map(CommandResult::error)
                        .orElseGet(() -> context.reply(Replies.completion(random))));
    }

    /**
     * An identical answer already stored is not added again; the user is acknowledged either way. Emits why the
     * chat's quotas refused it, or nothing when it was stored.
     */
    private Mono<Optional<String>> store(MessageContext message, NewAnswer answer) {
        return packs.defaultPackOrCreate(message.chat().id(), message.now())
                .flatMap(pack -> quotas.answers(pack.id(), answer.reactionType(), List.of(answer.key()))
                        .flatMap(refused -> refused.isPresent() ? Mono.just(refused)
                                : entities.insertIfAbsent(pack.id(), answer, message.now())
                                        .thenReturn(Optional.<String>empty())));
    }
}

package org.breadbot.processor.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPackStore;
import org.breadbot.processor.store.NewAnswer;
import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What {@code запомни} and {@code запомни триггер} share (spec §4.2.3–4.2.4): the replied-to content is stored
 * under every listed key, all or nothing.
 *
 * <p>A key already holding this very content with the same reaction type is skipped, compared lower-cased, so
 * repeating a command never duplicates an answer. (The original compared keys as typed and ignored the reaction
 * type, so {@code запомни Key} stored duplicates and a trigger blocked the same content as a substring.)
 */
@Component
class Remembering {

    private final AnswerPackStore packs;
    private final AnswerEntityStore entities;
    private final RandomSource random;

    Remembering(AnswerPackStore packs, AnswerEntityStore entities, RandomSource random) {
        this.packs = packs;
        this.entities = entities;
        this.random = random;
    }

    Mono<CommandResult> remember(CommandContext context, ReactionType reactionType) {
        Optional<ReplyContent> content = ReplyContent.of(context.repliedTo());
        if (content.isEmpty()) {
            return Mono.just(CommandResult.error(ReplyContent.UNSUPPORTED));
        }
        List<String> keys = keys((Arguments.ValueList) context.arguments());
        Optional<String> invalid = keys.stream().map(key -> Keys.problem(key, reactionType))
                .flatMap(Optional::stream).findFirst();
        if (invalid.isPresent()) {
            return Mono.just(CommandResult.error(invalid.get()));
        }
        return store(context.message(), content.get(), keys, reactionType)
                .thenReturn(context.reply(Replies.completion(random)));
    }

    /** The listed keys lower-cased, each once, in the order typed. */
    private static List<String> keys(Arguments.ValueList values) {
        Set<String> keys = new LinkedHashSet<>();
        values.values().forEach(value -> keys.add(value.toLowerCase(Locale.ROOT)));
        return List.copyOf(keys);
    }

    private Mono<Void> store(MessageContext message, ReplyContent content, List<String> keys,
            ReactionType reactionType) {
        return packs.defaultPackOrCreate(message.chat().id(), message.now())
                .flatMap(pack -> entities.withContent(pack.id(), content.sameContent())
                        .filter(entity -> entity.reactionType() == reactionType)
                        .map(AnswerEntity::key)
                        .collect(Collectors.toSet())
                        .flatMap(existing -> entities.insertAll(pack.id(),
                                newAnswers(content, keys, existing, reactionType), message.now())));
    }

    private static List<NewAnswer> newAnswers(ReplyContent content, List<String> keys, Set<String> existing,
            ReactionType reactionType) {
        List<NewAnswer> answers = new ArrayList<>();
        for (String key : keys) {
            if (!existing.contains(key)) {
                answers.add(content.answer(key, reactionType));
            }
        }
        return answers;
    }
}

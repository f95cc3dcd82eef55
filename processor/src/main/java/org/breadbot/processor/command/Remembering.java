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
import org.breadbot.processor.store.ContentType;
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
    private final Quotas quotas;
    private final RandomSource random;

    Remembering(AnswerPackStore packs, AnswerEntityStore entities, Quotas quotas, RandomSource random) {
        this.packs = packs;
        this.entities = entities;
        this.quotas = quotas;
        this.random = random;
    }

    Mono<CommandResult> remember(CommandContext context, ReactionType reactionType) {
        Optional<ReplyContent> content = ReplyContent.of(context.repliedTo());
        if (content.isEmpty()) {
            return Mono.just(CommandResult.error(ReplyContent.UNSUPPORTED));
        }
        List<String> keys = keys((Arguments.ValueList) context.arguments());
        Optional<String> invalid = keys.stream().map(key -> Keys.problem(key, reactionType))
                .flatMap(Optional::stream).findFirst()
                .or(() -> content.get().type() == ContentType.TEXT ? quotas.value(content.get().value())
                        : Optional.empty());
        if (invalid.isPresent()) {
            return Mono.just(CommandResult.error(invalid.get()));
        }
        return store(context.message(), content.get(), keys, reactionType)
                .map(refused -> refused.map(CommandResult::error)
                        .orElseGet(() -> context.reply(Replies.completion(random))));
    }

    /** The listed keys lower-cased, each once, in the order typed. */
    private static List<String> keys(Arguments.ValueList values) {
        Set<String> keys = new LinkedHashSet<>();
        values.values().forEach(value -> keys.add(value.toLowerCase(Locale.ROOT)));
        return List.copyOf(keys);
    }

    /** Stores what is new, all or nothing; emits why the chat's quotas refused it, or nothing when stored. */
    private Mono<Optional<String>> store(MessageContext message, ReplyContent content, List<String> keys,
            ReactionType reactionType) {
        return packs.defaultPackOrCreate(message.chat().id(), message.now())
                .flatMap(pack -> entities.withContent(pack.id(), content.sameContent())
                        .filter(entity -> entity.reactionType() == reactionType)
                        .map(AnswerEntity::key)
                        .collect(Collectors.toSet())
                        .map(existing -> newAnswers(content, keys, existing, reactionType))
                        .flatMap(added -> quotas.answers(pack.id(), reactionType,
                                        added.stream().map(NewAnswer::key).toList())
                                .flatMap(refused -> refused.isPresent() ? Mono.just(refused)
                                        : entities.insertAll(pack.id(), added, message.now())
                                                .thenReturn(Optional.<String>empty()))));
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

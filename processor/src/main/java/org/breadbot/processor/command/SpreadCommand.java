package org.breadbot.processor.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.AnswerPackStore;
import org.breadbot.processor.store.MemberGroupsStore;
import org.breadbot.processor.store.MemberGroupsStore.Group;
import org.breadbot.processor.store.ReactionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code распространи в <group>}: copies the answers a user taught the bot in their private chat into a group they
 * are in and have written in ([L] spec §4.3.1, scenario 126). Only from a private chat; the group must be one the
 * user is linked to, which they are from their first message there until Telegram says they left, were removed or
 * banned ({@code MembershipChanges}); the user is their Telegram id, never their username, which someone else may
 * hold tomorrow. On the [H] model the private chat's
 * default pack is copied, triggers and substrings of every content type (a file id works in any chat of the bot),
 * skipping answers the group already has.
 *
 * <p>The group is named by its title, whatever the letter case, or by its chat id when titles clash.
 */
@Component
class SpreadCommand implements ChatCommand {

    static final String ONLY_PRIVATE =
            "Копирование из чата в чат запрещено, можно только из личных сообщений с ботом";
    /**
     * One answer for "no such chat", "someone's private chat" and "a group you are not in": the original's three
     * texts told anyone which group titles and which users' private chats the bot knows.
     */
    static final String NOT_YOURS = "Не найдена ваша группа с таким названием: копировать можно только в группу,"
            + " где вы состоите и писали";
    static final String NOTHING_TO_COPY = "Не найдено данных для копирования";
    static final String NOTHING_NEW = "Нечего добавлять: в чате уже все есть";

    private final MemberGroupsStore groups;
    private final AnswerPackStore packs;
    private final AnswerEntityStore entities;
    private final BotProperties properties;
    private final RandomSource random;

    SpreadCommand(MemberGroupsStore groups, AnswerPackStore packs, AnswerEntityStore entities,
            BotProperties properties, RandomSource random) {
        this.groups = groups;
        this.packs = packs;
        this.entities = entities;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.SPREAD;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        MessageContext message = context.message();
        if (!message.chat().isPrivate()) {
            return Mono.just(CommandResult.error(ONLY_PRIVATE));
        }
        String target = context.rest();
        if (target.isEmpty()) {
            return Mono.just(CommandResult.error("Необходимо указать название группы: " + properties.name()
                    + " распространи в <название>"));
        }
        return groups.groupsOf(message.member().id())
                .flatMap(mine -> destination(target, mine, context));
    }

    private Mono<CommandResult> destination(String target, List<Group> mine, CommandContext context) {
        List<Group> matching = mine.stream().filter(group -> named(group, target)).toList();
        if (matching.size() == 1) {
            return copy(context, matching.get(0));
        }
        if (matching.size() > 1) {
            return Mono.just(CommandResult.error("Групп с таким названием несколько, укажите id группы: "
                    + matching.stream().map(group -> Long.toString(group.telegramId()))
                            .collect(Collectors.joining(", "))));
        }
        return Mono.just(CommandResult.error(NOT_YOURS));
    }

    private static boolean named(Group group, String target) {
        String wanted = target.toLowerCase(Locale.ROOT);
        return target.equals(Long.toString(group.telegramId()))
                || group.name() != null && group.name().toLowerCase(Locale.ROOT).equals(wanted);
    }

    private Mono<CommandResult> copy(CommandContext context, Group group) {
        AnswerPack source = context.message().pack();
        if (source == null) {
            return Mono.just(CommandResult.error(NOTHING_TO_COPY));
        }
        return entities.hasAny(source.id())
                .flatMap(any -> !any ? Mono.just(CommandResult.error(NOTHING_TO_COPY))
                        : packs.defaultPackOrCreate(group.id(), context.now())
                                .flatMap(target -> copyInto(source, target, context)));
    }

    /** Checks the group's quotas against what the copy would add, then copies in one statement. */
    private Mono<CommandResult> copyInto(AnswerPack source, AnswerPack target, CommandContext context) {
        return entities.copyGrowth(source.id(), target.id(), properties.quotas().answersPerKey())
                .collectList()
                .flatMap(growth -> {
                    Optional<String> refused = growth.stream().map(this::beyondQuota).flatMap(Optional::stream)
                            .findFirst();
                    if (refused.isPresent()) {
                        return Mono.just(CommandResult.error(refused.get()));
                    }
                    if (growth.stream().allMatch(kind -> kind.adding() == 0)) {
                        return Mono.just(CommandResult.error(NOTHING_NEW));
                    }
                    return entities.copyMissing(source.id(), target.id(), context.now())
                            .thenReturn(context.reply(Replies.completion(random)));
                });
    }

    /** The group may keep what it has beyond a quota, but not grow beyond it. */
    private Optional<String> beyondQuota(AnswerEntityStore.CopyGrowth growth) {
        BotProperties.Quotas quotas = properties.quotas();
        String kind = growth.reactionType() == ReactionType.TRIGGER ? "триггеров" : "подстрок";
        if (growth.keysAfter() > Math.max(growth.keysBefore(), quotas.keys())) {
            return Optional.of("Не скопировано: в группе может быть не больше " + quotas.keys() + " " + kind
                    + ", а стало бы " + growth.keysAfter());
        }
        if (growth.keysOverfull() > 0) {
            return Optional.of("Не скопировано: у ключа может быть не больше " + quotas.answersPerKey()
                    + " ответов, а у " + growth.keysOverfull() + " " + kind + " стало бы больше");
        }
        return Optional.empty();
    }
}

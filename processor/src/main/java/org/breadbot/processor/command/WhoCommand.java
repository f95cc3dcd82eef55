package org.breadbot.processor.command;

import java.util.List;
import org.breadbot.processor.bot.MemberPool;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.MemberRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code кто} and friends: a random member, worded after the alias used (spec §4.2.12). */
@Component
class WhoCommand implements ChatCommand {

    private final MemberPool pool;
    private final RandomSource random;

    WhoCommand(MemberPool pool, RandomSource random) {
        this.pool = pool;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.WHO;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return pool.members(context.message()).map(members -> answer(members, context));
    }

    private CommandResult answer(List<MemberRow> members, CommandContext context) {
        if (members.isEmpty()) {
            return CommandResult.answers();
        }
        String name = MemberPool.displayName(random.pick(members));
        String rest = context.rest().replace("?", "");
        // Telegram trims messages anyway; trimming here keeps an empty rest from leaving a dangling space.
        return context.reply(sentence(context.rawCommand(), name, rest).strip());
    }

    static String sentence(String alias, String name, String rest) {
        return switch (alias) {
            case "кто" -> name + " " + rest;
            case "у кого" -> rest + " у " + name;
            case "кем" -> rest + " им: " + name;
            case "с кем" -> rest + " с " + name;
            case "кого" -> rest + " " + name;
            case "кому" -> rest + " ему: " + name;
            case "о ком" -> rest + " о " + name;
            case "чья", "чьё", "чей", "чье" -> rest + " его: " + name;
            default -> rest + " - это " + name;
        };
    }
}

package org.breadbot.processor.command;

import java.util.List;
import org.breadbot.processor.bot.MemberPool;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.MemberRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code парочка <who>}: two different random active members (spec §4.2.14). */
@Component
class CoupleCommand implements ChatCommand {

    static final String TOO_FEW = "В группе недостаточно пользователей для образования пары!";

    private final MemberPool pool;
    private final RandomSource random;

    CoupleCommand(MemberPool pool, RandomSource random) {
        this.pool = pool;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.COUPLE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return pool.members(context.message()).map(members -> couple(context, random.shuffled(members)));
    }

    private static CommandResult couple(CommandContext context, List<MemberRow> shuffled) {
        if (shuffled.size() < 2) {
            return CommandResult.error(TOO_FEW);
        }
        return context.reply(Phrases.join("Парочку", context.rest(), "образовали:")
                + " " + MemberPool.displayName(shuffled.get(0)) + " и " + MemberPool.displayName(shuffled.get(1)));
    }
}

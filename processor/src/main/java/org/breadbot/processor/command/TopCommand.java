package org.breadbot.processor.command;

import java.util.List;
import java.util.StringJoiner;
import org.breadbot.processor.bot.MemberPool;
import org.breadbot.processor.bot.RandomSource;
import org.breadbot.processor.store.MemberRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code топ <title>}: up to 20 active members in random order, numbered (spec §4.2.13). */
@Component
class TopCommand implements ChatCommand {

    /** The original kept 20 although its help said "top 10"; the help here says 20. */
    static final int MAX_PLACES = 20;

    private final MemberPool pool;
    private final RandomSource random;

    TopCommand(MemberPool pool, RandomSource random) {
        this.pool = pool;
        this.random = random;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.TOP;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return pool.members(context.message())
                .map(members -> context.reply(top(context.rest(), random.shuffled(members))));
    }

    static String top(String title, List<MemberRow> ranked) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add(Phrases.join("Топ", title));
        for (int i = 0; i < Math.min(MAX_PLACES, ranked.size()); i++) {
            lines.add((i + 1) + ") " + MemberPool.displayName(ranked.get(i)));
        }
        return lines.toString();
    }
}

package org.breadbot.processor.command;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breadbot.processor.bot.MemberPool;
import org.breadbot.processor.store.MemberRow;
import org.breadbot.processor.store.MemberStats;
import org.breadbot.processor.store.MemberStatsStore;
import org.breadbot.processor.store.MemberStatsStore.Ranked;
import org.breadbot.processor.store.MemberStatsStore.Ranking;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code стата [дней]}: who wrote how many messages in this chat and who called the bot how often, over the last 7
 * days (today included, days in UTC) or the given number of days. [H] only recognised the command (spec §4.2.11);
 * this is the [L] statistic (§4.3.2) reduced to what the processor counts: messages and commands. Groups as in [L]:
 * a label line, then {@code Name - count} lines, most first, a blank line between groups.
 */
@Component
class StatsCommand implements ChatCommand {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 365;
    /** Lines per group; a big chat gets its most active members and a count of the rest, read no further. */
    static final int MAX_LINES = 30;
    static final String WRONG_PERIOD = "Период - это число дней от 1 до " + MAX_DAYS;
    static final String NOTHING = "Статистика пока не собрана";

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private final MemberStatsStore stats;

    StatsCommand(MemberStatsStore stats) {
        this.stats = stats;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.STATS;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        OptionalInt days = days(context.rest());
        if (days.isEmpty()) {
            return Mono.just(CommandResult.error(WRONG_PERIOD));
        }
        LocalDate firstDay = context.now().toLocalDate().minusDays(days.getAsInt() - 1L);
        long chat = context.message().chat().id();
        return Mono.zip(stats.top(chat, firstDay, Ranking.MESSAGES, MAX_LINES),
                        stats.top(chat, firstDay, Ranking.COMMANDS, MAX_LINES))
                .map(ranked -> context.reply(render(days.getAsInt(), ranked.getT1(), ranked.getT2())));
    }

    /** The first number in the text ({@code 30}, {@code за 30 дней}); none means the default. */
    static OptionalInt days(String rest) {
        Matcher number = NUMBER.matcher(rest);
        if (!number.find()) {
            return OptionalInt.of(DEFAULT_DAYS);
        }
        String digits = number.group();
        if (digits.length() > 6) {
            return OptionalInt.empty();
        }
        int days = Integer.parseInt(digits);
        return days >= 1 && days <= MAX_DAYS ? OptionalInt.of(days) : OptionalInt.empty();
    }

    static String render(int days, Ranked writers, Ranked callers) {
        if (writers.top().isEmpty()) {
            return NOTHING;
        }
        StringJoiner text = new StringJoiner("\n\n");
        text.add("Статистика за " + days + " " + dayWord(days) + ":");
        text.add(group("Написали сообщений:", writers, MemberStats::messages));
        if (!callers.top().isEmpty()) {
            text.add(group("Позвали бота:", callers, MemberStats::commands));
        }
        return text.toString();
    }

    private static String group(String label, Ranked ranked, ToLongFunction<MemberStats> count) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add(label);
        ranked.top().forEach(row -> lines.add(name(row.member()) + " - " + count.applyAsLong(row)));
        if (ranked.total() > ranked.top().size()) {
            lines.add("… и еще " + (ranked.total() - ranked.top().size()));
        }
        return lines.toString();
    }

    /** The display name (spec §7.3); a member without names by username, without {@code @} so nobody is pinged. */
    static String name(MemberRow member) {
        String name = MemberPool.displayName(member);
        return name.isEmpty() ? member.username() : name;
    }

    static String dayWord(int days) {
        int lastTwo = days % 100;
        int last = days % 10;
        if (last == 1 && lastTwo != 11) {
            return "день";
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return "дня";
        }
        return "дней";
    }
}

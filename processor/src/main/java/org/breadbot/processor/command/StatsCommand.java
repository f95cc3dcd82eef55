package org.breadbot.processor.command;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breadbot.processor.bot.MemberPool;
import org.breadbot.processor.store.MemberRow;
import org.breadbot.processor.store.MemberStats;
import org.breadbot.processor.store.MemberStatsStore;
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
    /** Lines per group; a big chat gets its most active members and a count of the rest. */
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
        return stats.since(context.message().chat().id(), firstDay)
                .collectList()
                .map(rows -> context.reply(render(days.getAsInt(), rows)));
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

    static String render(int days, List<MemberStats> rows) {
        if (rows.isEmpty()) {
            return NOTHING;
        }
        StringJoiner text = new StringJoiner("\n\n");
        text.add("Статистика за " + days + " " + dayWord(days) + ":");
        text.add(group("Написали сообщений:", rows, MemberStats::messages));
        List<MemberStats> callers = rows.stream().filter(row -> row.commands() > 0).toList();
        if (!callers.isEmpty()) {
            text.add(group("Позвали бота:", callers, MemberStats::commands));
        }
        return text.toString();
    }

    private static String group(String label, List<MemberStats> rows, ToLongFunction<MemberStats> count) {
        List<MemberStats> ranked = rows.stream()
                .sorted(Comparator.comparingLong(count).reversed())
                .toList();
        StringJoiner lines = new StringJoiner("\n");
        lines.add(label);
        ranked.stream().limit(MAX_LINES)
                .forEach(row -> lines.add(name(row.member()) + " - " + count.applyAsLong(row)));
        if (ranked.size() > MAX_LINES) {
            lines.add("… и еще " + (ranked.size() - MAX_LINES));
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
